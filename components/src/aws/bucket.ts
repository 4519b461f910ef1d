import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Classification } from "../config/common";
import { type BuildContext, policyDocument, type PolicyStatement } from "../blueprint/context";
import { perimeterDeny } from "./perimeter";

/** Days noncurrent versions are kept by classification: the more sensitive, the longer the undo window. */
export const NONCURRENT_DAYS: Record<Classification, number> = { public: 30, internal: 30, confidential: 90, restricted: 365 };

export interface SecureBucketArgs {
  /** Physical bucket name from the naming module. */
  bucketName: string;
  /** Customer-managed KMS key (SSE-KMS with bucket keys on). */
  kmsKeyArn: pulumi.Input<string>;
  classification: Classification;
  /** Current objects expire after this many days; undefined keeps them. */
  expireAfterDays?: number;
  noncurrentVersionDays?: number;
  /** Object Lock in governance mode for this many days (PHI). Enabling it on an existing bucket replaces nothing but cannot be undone. */
  objectLockDays?: number;
  /** Target bucket for server access logs; undefined only for the log bucket itself. */
  accessLogBucket?: string;
  organizationId: string;
  /**
   * The data perimeter (restricted products, HIPAA/PCI domains): when set, every principal not in this list is
   * denied every S3 action on the bucket, AWS service principals aside (aws/perimeter.ts).
   */
  perimeterPrincipals?: string[];
  /** Extra statements (consumer reads) appended after the deny statements. */
  extraStatements?: PolicyStatement[];
  /** Use S3-managed keys instead of KMS (only the access-log bucket: S3 log delivery cannot use SSE-KMS). */
  sseS3?: boolean;
}

export interface SecureBucket {
  bucket: aws.s3.Bucket;
  arn: pulumi.Output<string>;
  name: string;
}

/** The hardened bucket of the blueprint: one bucket resource and one resource per bucket setting (aws v7). */
export function secureBucket(ctx: BuildContext, name: string, args: SecureBucketArgs): SecureBucket {
  const opts = ctx.opts;
  const bucket = new aws.s3.Bucket(name, {
    bucket: args.bucketName,
    objectLockEnabled: args.objectLockDays !== undefined ? true : undefined,
    forceDestroy: false,
    tags: ctx.tags,
  }, ctx.opts);
  const bucketArn = `arn:aws:s3:::${args.bucketName}`;

  new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, {
    bucket: bucket.id,
    rules: [args.sseS3
      ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
      : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }],
  }, opts);
  new aws.s3.BucketVersioning(`${name}-versioning`, {
    bucket: bucket.id,
    versioningConfiguration: { status: "Enabled" },
  }, opts);
  new aws.s3.BucketPublicAccessBlock(`${name}-public-access-block`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  }, opts);
  new aws.s3.BucketOwnershipControls(`${name}-ownership`, {
    bucket: bucket.id,
    rule: { objectOwnership: "BucketOwnerEnforced" },
  }, opts);

  const noncurrentDays = args.noncurrentVersionDays ?? NONCURRENT_DAYS[args.classification];
  const rules: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [
    {
      id: "noncurrent-versions",
      status: "Enabled",
      filter: {},
      noncurrentVersionExpiration: { noncurrentDays },
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
    },
  ];
  if (args.expireAfterDays !== undefined) {
    const transitions = args.expireAfterDays > 180
      ? [{ days: 90, storageClass: "STANDARD_IA" }, ...(args.expireAfterDays > 365 ? [{ days: 180, storageClass: "GLACIER_IR" }] : [])]
      : [];
    rules.push({ id: "retention", status: "Enabled", filter: {}, expiration: { days: args.expireAfterDays }, transitions });
  }
  new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, { bucket: bucket.id, rules }, opts);

  if (args.accessLogBucket) {
    new aws.s3.BucketLogging(`${name}-logging`, {
      bucket: bucket.id,
      targetBucket: args.accessLogBucket,
      targetPrefix: `${args.bucketName}/`,
    }, opts);
  }
  // Object-level events go to EventBridge: pipelines and the catalog react to new data without polling (FSBP S3.11).
  new aws.s3.BucketNotification(`${name}-notifications`, { bucket: bucket.id, eventbridge: true }, opts);

  if (args.objectLockDays !== undefined) {
    new aws.s3.BucketObjectLockConfiguration(`${name}-object-lock`, {
      bucket: bucket.id,
      objectLockEnabled: "Enabled",
      rule: { defaultRetention: { mode: "GOVERNANCE", days: args.objectLockDays } },
    }, opts);
  }

  const statements: PolicyStatement[] = [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyOutsideOrganization",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: {
        StringNotEqualsIfExists: { "aws:PrincipalOrgID": args.organizationId },
        BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
      },
    },
    ...(args.perimeterPrincipals ? [perimeterDeny({ action: "s3:*", resource: [bucketArn, `${bucketArn}/*`], allowed: args.perimeterPrincipals })] : []),
    ...(args.extraStatements ?? []),
  ];
  new aws.s3.BucketPolicy(`${name}-policy`, { bucket: bucket.id, policy: policyDocument(statements) }, opts);

  return { bucket, arn: pulumi.output(bucketArn), name: args.bucketName };
}
