import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { BuildContext } from "../blueprint/context";
import type { DataProductSpec } from "../blueprint/spec";
import { usageQueriesFor, usageQuerySql } from "./usage-queries";
import { LF_TAGS } from "./lake-formation";

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
