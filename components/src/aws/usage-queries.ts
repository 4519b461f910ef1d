import type { DataProductSpec } from "../blueprint/spec";
import type { Names } from "../naming/names";

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
