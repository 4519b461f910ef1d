import * as aws from "@pulumi/aws";
import { type BuildContext, policyDocument, type PolicyStatement } from "../blueprint/context";
import { perimeterDeny } from "./perimeter";

export interface DomainKeyArgs {
  description: string;
  /** Roles of consumers in other domains that may decrypt this domain's data through S3. */
  consumerRoleArns: string[];
  /** Roles of this domain's producers. */
  producerRoleArns: string[];
  /**
   * The data perimeter, when a product of the domain needs one: only these principals (and AWS service principals)
   * may use or manage the key, for every use (the key is the domain's, shared by all its products).
   */
  perimeter?: { allowed: string[] };
}

/** The statement every key policy starts with: the account (through IAM) administers the key. */
export function accountAdministration(account: string): PolicyStatement {
  return { Sid: "AccountAdministration", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" };
}

/**
 * The domain's customer-managed key: yearly rotation, 30-day deletion window, and a key policy that names every
 * principal by ARN condition, so consumer stacks can deploy before or after this one.
 */
export function domainKey(ctx: BuildContext, args: DomainKeyArgs): { key: aws.kms.Key; alias: aws.kms.Alias } {
  const { account, region } = ctx;
  const statements: PolicyStatement[] = [
    accountAdministration(account),
    {
      Sid: "CloudWatchLogsEncryption",
      Effect: "Allow",
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
      Resource: "*",
      Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${account}:log-group:/datamesh/${ctx.names.scope.env}/${ctx.names.scope.domain}/*` } },
    },
    {
      Sid: "CloudWatchAlarmsToEncryptedTopic",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": account } },
    },
  ];
  if (args.producerRoleArns.length > 0) {
    statements.push({
      Sid: "ProducersUseKey",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
      Resource: "*",
      Condition: { ArnEquals: { "aws:PrincipalArn": args.producerRoleArns }, StringEquals: { "kms:CallerAccount": account } },
    });
  }
  if (args.consumerRoleArns.length > 0) {
    statements.push({
      Sid: "ConsumersDecryptThroughS3",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: ["kms:Decrypt", "kms:DescribeKey"],
      Resource: "*",
      Condition: { ArnEquals: { "aws:PrincipalArn": args.consumerRoleArns }, StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
    });
  }
  if (args.perimeter) {
    // The account's root user stays exempt: with the deployer roles it keeps the key manageable (KMS refuses a key
    // policy that would lock out the caller of PutKeyPolicy, and only the root user can repair one whose roles are gone).
    statements.push(perimeterDeny({ action: "kms:*", resource: "*", allowed: [...args.perimeter.allowed, `arn:aws:iam::${account}:root`] }));
  }
  const key = new aws.kms.Key(`${ctx.name}-key`, {
    description: args.description,
    enableKeyRotation: true,
    rotationPeriodInDays: 365,
    deletionWindowInDays: 30,
    keyUsage: "ENCRYPT_DECRYPT",
    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
    policy: policyDocument(statements),
    tags: ctx.tags,
  }, ctx.opts);
  const alias = new aws.kms.Alias(`${ctx.name}-key-alias`, { name: ctx.names.kmsAlias(), targetKeyId: key.keyId }, ctx.opts);
  return { key, alias };
}
