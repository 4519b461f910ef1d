/**
 * The one list of what holds data or audit evidence: the resource types whose deletion or replacement loses
 * something that cannot be declared back. It drives
 * - the blueprint's protection: every resource of these types is `protect` + `retainOnDelete` (protect-data.ts),
 *   unless the stack's double opt-in to destroy is given;
 * - the plan's data-loss gate: replacing or deleting one blocks (cli/src/diff);
 * - the governance rule mesh-stateful-protected (components/policies).
 * Each entry says what would be lost, from the service's documentation.
 */
export const DATA_RESOURCES = {
  // Product data, query results, S3 access logs (audit evidence, kept 400 days or six years) and the catalog site:
  // a bucket can only be deleted once every object (and version) in it is gone.
  "aws:s3/bucket:Bucket": "objects: product data, query results, access logs, the catalog site",
  // "Deleting a KMS key is destructive and potentially dangerous. After a KMS key is deleted, you can no longer
  // decrypt the data that was encrypted under that KMS key" (KMS developer guide, deleting keys). A replaced key is a
  // new key: every object, log event and message encrypted with the old one is unreadable once it is deleted.
  "aws:kms/key:Key": "the only way to decrypt the data encrypted with it",
  // DeleteDatabase: "you no longer have access to the tables (and all table versions and partitions that might
  // belong to the tables)" (Glue API). Partitions are added by pipelines at run time, not declared in the stack.
  "aws:glue/catalogDatabase:CatalogDatabase": "its tables, their versions and partitions",
  // DeleteTable: the table's versions and partitions go with it (Glue API); partitions are registered at run time.
  "aws:glue/catalogTable:CatalogTable": "its schema versions and the partitions pipelines registered",
  // DeleteTopic: "Deletes a topic and all its subscriptions" (SNS API). Consumers and on-call tools subscribe
  // themselves (confirmed subscriptions, often from other accounts); the stack declares only the owner's.
  "aws:sns/topic:Topic": "the subscriptions consumers confirmed",
  // DeleteLogGroup: "Deletes the specified log group and permanently deletes all the archived log events associated
  // with the log group" (CloudWatch Logs API). Product log groups keep pipeline runs ≥ 365 days as their audit trail.
  "aws:cloudwatch/logGroup:LogGroup": "the pipeline's run logs, kept at least a year as its audit trail",
  // The data-event trail is the audit record of every read and write of mesh data (HIPAA §164.312(b)): deleting or
  // replacing it stops logging (a gap in the evidence) and restarts the log-file validation digest chain.
  "aws:cloudtrail/trail:Trail": "the unbroken audit record of data reads and writes",
  // DeleteWorkGroup with RecursiveDeleteOption deletes "the workgroup and its contents", "named queries, query
  // executions, or notebooks" (Athena API): the query history is the record of who ran which query on the data.
  "aws:athena/workgroup:Workgroup": "its query history and saved (named) queries",
} as const satisfies Record<string, string>;

// Looked at and left out, because everything they hold is declared in the stack and comes back identically:
// bucket settings (encryption, versioning, lifecycle, policy, logging, notifications, object lock configuration —
// the retention itself is on the objects), KMS aliases, IAM roles and policies, Lake Formation settings, LF-tags and
// grants, SNS topic policies and the owner's subscription, alarms and the dashboard (alarm history is 14 days of
// state changes, not the audit trail), and every Kubernetes object (CronJob pods log to the product log group).

/** Resource types that hold data or audit evidence (see DATA_RESOURCES). */
export const DATA_RESOURCE_TYPES: readonly string[] = Object.keys(DATA_RESOURCES);

/** True when deleting or replacing a resource of `type` loses data or audit evidence. */
export function holdsData(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(DATA_RESOURCES, type);
}
