import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type BuildContext, policyDocument, type PolicyStatement } from "../blueprint/context";
import type { InputRead, KubernetesSpec, OutputPortSpec } from "../blueprint/spec";

/** Read actions a product needs on the Glue catalog of the ports it reads or writes. */
const GLUE_READ = ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions"];
const GLUE_WRITE = ["glue:BatchCreatePartition", "glue:CreatePartition", "glue:UpdatePartition", "glue:BatchDeletePartition", "glue:UpdateTable"];
/** What running a query takes: start it, follow it, read its rows, stop it. */
const ATHENA_QUERY = ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution"];
/** Athena writes a query's results with the caller's credentials, in parts when they are large. */
const RESULT_OBJECTS = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"];
/** Where the quality runner writes its reports in the product bucket (quality/src/runner/run.ts REPORT_PREFIX). */
export const QUALITY_REPORT_PREFIX = "_quality/";

/**
 * The domain's permissions boundary: the most any producer role of the domain can ever do, whatever its own
 * policy says. Resources are scoped to the mesh's naming namespace for the environment; no action wildcards.
 */
export function permissionsBoundary(ctx: BuildContext): aws.iam.Policy {
  const { prefix, env, domain } = ctx.names.scope;
  const { account, region } = ctx;
  const statements: PolicyStatement[] = [
    {
      Sid: "MeshData",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:ListBucketMultipartUploads"],
      Resource: [`arn:aws:s3:::${prefix}-${env}-*`, `arn:aws:s3:::${prefix}-${env}-*/*`],
    },
    {
      Sid: "MeshKeys",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
      Resource: `arn:aws:kms:${region}:${account}:key/*`,
      Condition: { "ForAnyValue:StringLike": { "kms:ResourceAliases": `alias/${prefix}/${env}/*` } },
    },
    {
      Sid: "MeshCatalog",
      Effect: "Allow",
      Action: [...GLUE_READ, ...GLUE_WRITE],
      Resource: [
        `arn:aws:glue:${region}:${account}:catalog`,
        `arn:aws:glue:${region}:${account}:database/${prefix}_${env}_*`,
        `arn:aws:glue:${region}:${account}:table/${prefix}_${env}_*/*`,
      ],
    },
    {
      Sid: "DomainQueries",
      Effect: "Allow",
      Action: ATHENA_QUERY,
      // The domain's workgroup and its products' own workgroups (named after it: <domain workgroup>-<product>).
      Resource: [`arn:aws:athena:${region}:${account}:workgroup/${ctx.names.athenaWorkgroup()}`, `arn:aws:athena:${region}:${account}:workgroup/${ctx.names.athenaWorkgroup()}-*`],
    },
    {
      Sid: "DomainLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `arn:aws:logs:${region}:${account}:log-group:/datamesh/${env}/${domain}/*`,
    },
    {
      Sid: "NoBoundaryEscape",
      Effect: "Deny",
      Action: ["iam:CreatePolicyVersion", "iam:DeleteRolePermissionsBoundary", "iam:PutRolePermissionsBoundary", "iam:CreateUser", "iam:CreateAccessKey"],
      Resource: `arn:aws:iam::${account}:role/${prefix}-${env}-${domain}-*`,
    },
  ];
  return new aws.iam.Policy(`${ctx.name}-boundary`, {
    name: ctx.names.permissionsBoundary(),
    description: `Permissions boundary of every producer role in domain ${domain} (${env})`,
    policy: policyDocument(statements),
    tags: ctx.tags,
  }, ctx.opts);
}

/** Who may assume a producer role: the product's Kubernetes service account through IRSA, or Glue when off-cluster. */
function trustPolicy(ctx: BuildContext, kubernetes: KubernetesSpec | undefined, namespace: string, serviceAccount: string): string {
  if (!kubernetes) {
    return policyDocument([{
      Sid: "GlueJobs",
      Effect: "Allow",
      Principal: { Service: "glue.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": ctx.account } },
    }]);
  }
  const issuer = kubernetes.oidcIssuer;
  return policyDocument([{
    Sid: "IrsaServiceAccount",
    Effect: "Allow",
    Principal: { Federated: `arn:aws:iam::${ctx.account}:oidc-provider/${issuer}` },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: { StringEquals: { [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`, [`${issuer}:aud`]: "sts.amazonaws.com" } },
  }]);
}

export interface ProducerRoleArgs {
  product: string;
  boundaryArn: pulumi.Input<string>;
  keyArn: pulumi.Input<string>;
  bucketName: string;
  ports: OutputPortSpec[];
  inputs: InputRead[];
  kubernetes?: KubernetesSpec;
  logGroupArn: pulumi.Input<string>;
}

/**
 * The role a product's pipeline and quality checks run as: exact ARNs of its own bucket, key, tables and log
 * group, read-only on the approved ports it consumes, and its domain's boundary on top.
 */
export function producerRole(ctx: BuildContext, args: ProducerRoleArgs): aws.iam.Role {
  const { account, region, names } = ctx;
  const roleName = names.producerRole(args.product);
  const role = new aws.iam.Role(`${ctx.name}-producer`, {
    name: roleName,
    description: `Pipeline and quality checks of data product ${names.scope.domain}/${args.product}`,
    assumeRolePolicy: trustPolicy(ctx, args.kubernetes, names.namespace(), names.serviceAccount(args.product)),
    permissionsBoundary: args.boundaryArn,
    maxSessionDuration: 3600,
    tags: ctx.tags,
  }, ctx.opts);

  const bucketArn = `arn:aws:s3:::${args.bucketName}`;
  const catalog = `arn:aws:glue:${region}:${account}:catalog`;
  const database = `arn:aws:glue:${region}:${account}:database/${names.glueDatabase()}`;
  const tables = args.ports.map((p) => `arn:aws:glue:${region}:${account}:table/${names.glueDatabase()}/${p.table}`);
  const approved = args.inputs.filter((i) => i.approved);
  const resultsArn = `arn:aws:s3:::${names.queryResultsBucket()}`;

  const policy = pulumi.all([args.keyArn, args.logGroupArn]).apply(([keyArn, logGroupArn]) => {
    const statements: PolicyStatement[] = [
      { Sid: "ListOwnBucket", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: bucketArn },
      { Sid: "WriteOwnPorts", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: args.ports.map((p) => `${bucketArn}/${p.prefix}*`) },
      { Sid: "UseDomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: keyArn },
      { Sid: "OwnCatalog", Effect: "Allow", Action: [...GLUE_READ, ...GLUE_WRITE], Resource: [catalog, database, ...tables] },
      { Sid: "EmitMetricsAndLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroupArn}:log-stream:*` },
      { Sid: "QualityReports", Effect: "Allow", Action: ["s3:PutObject"], Resource: `${bucketArn}/${QUALITY_REPORT_PREFIX}*` },
      // Queries run in the product's own workgroup, whose enforced output location is the product's prefix below.
      { Sid: "ProductQueries", Effect: "Allow", Action: ATHENA_QUERY, Resource: `arn:aws:athena:${region}:${account}:workgroup/${names.productWorkgroup(args.product)}` },
      { Sid: "QueryResultsBucket", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"], Resource: resultsArn },
      { Sid: "ListOwnQueryResults", Effect: "Allow", Action: ["s3:ListBucket"], Resource: resultsArn, Condition: { StringLike: { "s3:prefix": [`${args.product}/*`] } } },
      { Sid: "OwnQueryResults", Effect: "Allow", Action: RESULT_OBJECTS, Resource: `${resultsArn}/${args.product}/*` },
    ];
    if (approved.length > 0) {
      statements.push(
        { Sid: "ReadInputPorts", Effect: "Allow", Action: ["s3:GetObject"], Resource: approved.map((i) => `arn:aws:s3:::${i.bucket}/${i.prefix}*`) },
        {
          Sid: "ListInputPorts",
          Effect: "Allow",
          Action: ["s3:ListBucket"],
          Resource: [...new Set(approved.map((i) => `arn:aws:s3:::${i.bucket}`))],
          Condition: { StringLike: { "s3:prefix": approved.map((i) => `${i.prefix}*`) } },
        },
        {
          Sid: "ReadInputCatalog",
          Effect: "Allow",
          Action: GLUE_READ,
          Resource: [...new Set(approved.flatMap((i) => [
            `arn:aws:glue:${i.region}:${i.account}:catalog`,
            `arn:aws:glue:${i.region}:${i.account}:database/${i.database}`,
            `arn:aws:glue:${i.region}:${i.account}:table/${i.database}/${i.table}`,
          ]))],
        },
      );
    }
    return policyDocument(statements);
  });

  new aws.iam.RolePolicy(`${ctx.name}-producer-policy`, {
    name: names.producerPolicy(args.product),
    role: role.name,
    policy,
  }, ctx.opts);
  return role;
}
