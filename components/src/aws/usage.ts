import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { BuildContext } from "../blueprint/context";
import type { DataProductSpec } from "../blueprint/spec";
import type { Names } from "../naming/names";
import { LF_TAGS } from "./lake-formation";

/**
 * Usage analytics over the access evidence the platform already records: S3 server access logs (every product
 * bucket logs to the access-log bucket of its account and region, under `<bucket>/`) and the CloudTrail data
 * events of the environment's trail (`cloudtrail/AWSLogs/<account>/CloudTrail/<region>/yyyy/MM/dd/`).
 * The platform stack declares a Glue table over each; every product gets named queries over them.
 */
export const USAGE_QUERIES = [
  { what: "by-consumer", answers: "Who read this product in the last 30 days: objects and bytes per reader (declared consumers by name), first and last read (S3 server access logs)" },
  { what: "daily", answers: "Objects and bytes read per day and reader, last 90 days (S3 server access logs)" },
  { what: "cloudtrail", answers: "Every principal that called GetObject on this product's bucket in the last 30 days, per consumer and day (CloudTrail data events)" },
] as const;

export type UsageQueryKind = (typeof USAGE_QUERIES)[number]["what"];

/** A role's reads show up as `arn:aws:sts::<account>:assumed-role/<role>/<session>`; name declared consumers. */
function readerCase(column: string, consumers: { consumer: string; roleArn: string }[]): string {
  const roles = [...new Map(consumers.map((c) => [c.roleArn, c.consumer])).entries()];
  if (roles.length === 0) return `${column}`;
  const whens = roles.map(([arn, who]) => `    WHEN ${column} LIKE '%:assumed-role/${arn.split("/").pop()}/%' THEN '${who}'`).join("\n");
  return `CASE\n${whens}\n    ELSE ${column}\n  END`;
}

const ACCESS_LOG_TIME = "parse_datetime(requestdatetime, 'dd/MMM/yyyy:HH:mm:ss Z')";

/** The SQL of one usage query of a product; only names and declared consumers go in, so it is deterministic. */
export function usageQuerySql(kind: UsageQueryKind, names: Names, product: Pick<DataProductSpec, "name" | "consumers">): string {
  const bucket = names.productBucket(product.name);
  const db = names.auditDatabase();
  const reader = readerCase(kind === "cloudtrail" ? "useridentity.arn" : "requester", product.consumers);
  switch (kind) {
    case "by-consumer":
      return [
        `-- Who read ${names.scope.domain}/${product.name} (${names.scope.env}) in the last 30 days, from S3 server access logs.`,
        `SELECT ${reader} AS reader,`,
        `  count(*) AS objects,`,
        `  sum(coalesce(bytessent, 0)) AS bytes,`,
        `  min(${ACCESS_LOG_TIME}) AS first_read,`,
        `  max(${ACCESS_LOG_TIME}) AS last_read`,
        `FROM "${db}"."${names.accessLogTable()}"`,
        `WHERE target_bucket = '${bucket}'`,
        `  AND operation = 'REST.GET.OBJECT' AND httpstatus = '200'`,
        `  AND ${ACCESS_LOG_TIME} > current_timestamp - INTERVAL '30' DAY`,
        `GROUP BY 1`,
        `ORDER BY bytes DESC;`,
      ].join("\n");
    case "daily":
      return [
        `-- Reads of ${names.scope.domain}/${product.name} (${names.scope.env}) per day and reader, last 90 days, from S3 server access logs.`,
        `SELECT date(${ACCESS_LOG_TIME}) AS day,`,
        `  ${reader} AS reader,`,
        `  count(*) AS objects,`,
        `  sum(coalesce(bytessent, 0)) AS bytes`,
        `FROM "${db}"."${names.accessLogTable()}"`,
        `WHERE target_bucket = '${bucket}'`,
        `  AND operation = 'REST.GET.OBJECT' AND httpstatus = '200'`,
        `  AND ${ACCESS_LOG_TIME} > current_timestamp - INTERVAL '90' DAY`,
        `GROUP BY 1, 2`,
        `ORDER BY 1 DESC, 4 DESC;`,
      ].join("\n");
    case "cloudtrail":
      return [
        `-- Principals that read ${names.scope.domain}/${product.name} (${names.scope.env}) in the last 30 days, from CloudTrail data events.`,
        `SELECT substr(eventtime, 1, 10) AS day,`,
        `  ${reader} AS reader,`,
        `  count(*) AS objects`,
        `FROM "${db}"."${names.cloudTrailTable()}"`,
        `WHERE account = '${names.scope.account}' AND region = '${names.scope.region}'`,
        `  AND day >= date_format(current_date - INTERVAL '30' DAY, '%Y/%m/%d')`,
        `  AND eventsource = 's3.amazonaws.com' AND eventname = 'GetObject'`,
        `  AND json_extract_scalar(requestparameters, '$.bucketName') = '${bucket}'`,
        `GROUP BY 1, 2`,
        `ORDER BY 1 DESC, 3 DESC;`,
      ].join("\n");
  }
}

/**
 * The queries a product gets in one environment. The CloudTrail table exists only in the platform's own account
 * and region (the trail records that account; Glue catalogs are regional), so only domains deployed there get
 * the CloudTrail query; every domain gets the access-log ones (the platform creates them in each log account).
 */
export function usageQueriesFor(sharesPlatformAccountAndRegion: boolean): readonly (typeof USAGE_QUERIES)[number][] {
  return USAGE_QUERIES.filter((q) => q.what !== "cloudtrail" || sharesPlatformAccountAndRegion);
}

/** A product's named usage queries, in the domain's workgroup, parented to the product. */
export function productUsageQueries(ctx: BuildContext, product: DataProductSpec, workgroup: pulumi.Input<string>, withCloudTrail: boolean): aws.athena.NamedQuery[] {
  return usageQueriesFor(withCloudTrail).map((q) => new aws.athena.NamedQuery(`${ctx.name}-usage-${q.what}`, {
    name: ctx.names.usageQuery(product.name, q.what),
    description: q.answers.slice(0, 1024),
    workgroup,
    database: ctx.names.auditDatabase(),
    query: usageQuerySql(q.what, ctx.names, product),
  }, ctx.opts));
}

/** S3 server access log columns, in log order (Amazon S3 User Guide, "Amazon S3 server access log format"). */
const ACCESS_LOG_COLUMNS = [
  "bucketowner", "bucket_name", "requestdatetime", "remoteip", "requester", "requestid", "operation", "key", "request_uri",
  "httpstatus", "errorcode", "bytessent", "objectsize", "totaltime", "turnaroundtime", "referrer", "useragent", "versionid",
  "hostid", "sigv", "ciphersuite", "authtype", "endpoint", "tlsversion", "accesspointarn", "aclrequired",
];
const BIGINT_COLUMNS = new Set(["bytessent", "objectsize", "totaltime", "turnaroundtime"]);
const ACCESS_LOG_REGEX =
  '([^ ]*) ([^ ]*) \\[(.*?)\\] ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ("[^"]*"|-) (-|[0-9]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ("[^"]*"|-) ([^ ]*)(?: ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*))?.*$';

/** The evidence is restricted (who read what, from where) and holds personal data (IP addresses, principals). */
function tagEvidence(ctx: BuildContext, name: string, table: aws.glue.CatalogTable, dependsOn: pulumi.Resource[]): void {
  new aws.lakeformation.ResourceLfTags(`${name}-lf-tags`, {
    table: { databaseName: table.databaseName, name: table.name },
    lfTags: [
      { key: LF_TAGS.classification.key, value: "restricted" },
      { key: LF_TAGS.sensitivity.key, value: "pii" },
    ],
  }, { ...ctx.opts, dependsOn });
}

/**
 * The audit database of one log account and region, with a table over its access-log bucket (the logged
 * bucket's prefix is an injected partition, so a query reads one product's logs only) and, in the platform's
 * own account and region, one over the trail's data events.
 */
export function evidenceTables(
  ctx: BuildContext,
  logBucket: { account: string; region: string; name: string },
  trail: { bucket: string; regions: string[] } | undefined,
  lfTags: pulumi.Resource[],
): aws.glue.CatalogTable[] {
  const id = `${ctx.name}-audit-${logBucket.account}-${logBucket.region}`;
  const database = new aws.glue.CatalogDatabase(`${id}-database`, {
    name: ctx.names.auditDatabase(),
    description: "Access evidence of the data mesh: S3 server access logs and CloudTrail data events, for usage analytics and audits",
    createTableDefaultPermissions: [],
    tags: ctx.tags,
  }, ctx.stateful);
  const tables: aws.glue.CatalogTable[] = [];
  const accessLogs = new aws.glue.CatalogTable(`${id}-access-logs`, {
    name: ctx.names.accessLogTable(),
    databaseName: database.name,
    description: `S3 server access logs in ${logBucket.name}`,
    tableType: "EXTERNAL_TABLE",
    parameters: {
      EXTERNAL: "TRUE",
      "projection.enabled": "true",
      "projection.target_bucket.type": "injected",
      "storage.location.template": `s3://${logBucket.name}/\${target_bucket}/`,
      "mesh.classification": "restricted",
    },
    storageDescriptor: {
      location: `s3://${logBucket.name}/`,
      inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
      outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
      serDeInfo: { serializationLibrary: "org.apache.hadoop.hive.serde2.RegexSerDe", parameters: { "input.regex": ACCESS_LOG_REGEX, "serialization.format": "1" } },
      columns: ACCESS_LOG_COLUMNS.map((c) => ({ name: c, type: BIGINT_COLUMNS.has(c) ? "bigint" : "string" })),
    },
    partitionKeys: [{ name: "target_bucket", type: "string", comment: "The logged bucket (the log prefix)" }],
  }, ctx.stateful);
  tagEvidence(ctx, `${id}-access-logs`, accessLogs, lfTags);
  tables.push(accessLogs);
  if (trail) {
    const table = new aws.glue.CatalogTable(`${id}-cloudtrail`, {
      name: ctx.names.cloudTrailTable(),
      databaseName: database.name,
      description: "CloudTrail management and S3 data events of the environment's trail",
      tableType: "EXTERNAL_TABLE",
      parameters: {
        EXTERNAL: "TRUE",
        "projection.enabled": "true",
        "projection.account.type": "injected",
        "projection.region.type": "enum",
        "projection.region.values": trail.regions.join(","),
        "projection.day.type": "date",
        "projection.day.format": "yyyy/MM/dd",
        "projection.day.range": "2024/01/01,NOW",
        "projection.day.interval": "1",
        "projection.day.interval.unit": "DAYS",
        "storage.location.template": `s3://${trail.bucket}/cloudtrail/AWSLogs/\${account}/CloudTrail/\${region}/\${day}`,
        "mesh.classification": "restricted",
      },
      storageDescriptor: {
        location: `s3://${trail.bucket}/cloudtrail/AWSLogs/`,
        inputFormat: "com.amazon.emr.cloudtrail.CloudTrailInputFormat",
        outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
        serDeInfo: { serializationLibrary: "org.apache.hive.hcatalog.data.JsonSerDe" },
        columns: CLOUDTRAIL_COLUMNS,
      },
      partitionKeys: [
        { name: "account", type: "string" },
        { name: "region", type: "string" },
        { name: "day", type: "string" },
      ],
    }, ctx.stateful);
    tagEvidence(ctx, `${id}-cloudtrail`, table, lfTags);
    tables.push(table);
  }
  return tables;
}

/** The CloudTrail record fields the usage queries and audits read (AWS CloudTrail record contents). */
const CLOUDTRAIL_COLUMNS = [
  { name: "eventversion", type: "string" },
  { name: "useridentity", type: "struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,sessioncontext:struct<sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>>>" },
  { name: "eventtime", type: "string" },
  { name: "eventsource", type: "string" },
  { name: "eventname", type: "string" },
  { name: "awsregion", type: "string" },
  { name: "sourceipaddress", type: "string" },
  { name: "useragent", type: "string" },
  { name: "errorcode", type: "string" },
  { name: "errormessage", type: "string" },
  { name: "requestparameters", type: "string" },
  { name: "responseelements", type: "string" },
  { name: "additionaleventdata", type: "string" },
  { name: "requestid", type: "string" },
  { name: "eventid", type: "string" },
  { name: "resources", type: "array<struct<arn:string,accountid:string,type:string>>" },
  { name: "eventtype", type: "string" },
  { name: "recipientaccountid", type: "string" },
  { name: "eventcategory", type: "string" },
];
