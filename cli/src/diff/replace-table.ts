import { STATEFUL_TYPES as STATEFUL } from "@data-mesh/components/policies/helpers/types";

/**
 * Input properties whose change makes the provider replace the resource (delete + create) instead of updating
 * it in place, for every resource type the blueprint declares. Taken from the providers' schemas (properties
 * marked ForceNew / `replaceOnChanges`) of @pulumi/aws 7.x and @pulumi/kubernetes 4.x; a path covers everything
 * below it. Types not listed here are assumed to update in place, except for a changed name (see diff.ts).
 */
export const REPLACE_ON_CHANGE: Record<string, readonly string[]> = {
  "aws:s3/bucket:Bucket": ["bucket", "bucketPrefix", "objectLockEnabled", "region"],
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": ["bucket", "expectedBucketOwner"],
  "aws:s3/bucketVersioning:BucketVersioning": ["bucket", "expectedBucketOwner"],
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": ["bucket"],
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": ["bucket"],
  "aws:s3/bucketPolicy:BucketPolicy": ["bucket"],
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": ["bucket", "expectedBucketOwner"],
  "aws:s3/bucketLogging:BucketLogging": ["bucket", "expectedBucketOwner"],
  "aws:s3/bucketNotification:BucketNotification": ["bucket"],
  "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration": ["bucket", "expectedBucketOwner", "objectLockEnabled"],
  "aws:kms/key:Key": ["customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId", "xksKeyId"],
  "aws:kms/alias:Alias": ["name", "namePrefix"],
  "aws:glue/catalogDatabase:CatalogDatabase": ["name", "catalogId"],
  "aws:glue/catalogTable:CatalogTable": ["name", "databaseName", "catalogId"],
  "aws:lakeformation/permissions:Permissions": ["principal", "permissions", "permissionsWithGrantOption", "catalogId", "catalogResource", "database", "table", "tableWithColumns", "lfTag", "lfTagPolicy", "dataLocation", "dataCellsFilter"],
  "aws:lakeformation/resourceLfTags:ResourceLfTags": ["catalogId", "database", "table", "tableWithColumns", "lfTags"],
  "aws:lakeformation/lfTag:LfTag": ["key", "catalogId"],
  "aws:lakeformation/dataLakeSettings:DataLakeSettings": ["catalogId"],
  "aws:iam/role:Role": ["name", "namePrefix", "path"],
  "aws:iam/policy:Policy": ["name", "namePrefix", "path", "description"],
  "aws:iam/rolePolicy:RolePolicy": ["name", "namePrefix", "role"],
  "aws:sns/topic:Topic": ["name", "namePrefix", "fifoTopic"],
  "aws:sns/topicPolicy:TopicPolicy": ["arn"],
  "aws:sns/topicSubscription:TopicSubscription": ["topic", "protocol", "endpoint"],
  "aws:cloudwatch/metricAlarm:MetricAlarm": ["name"],
  "aws:cloudwatch/dashboard:Dashboard": ["dashboardName"],
  "aws:cloudwatch/logGroup:LogGroup": ["name", "namePrefix", "logGroupClass"],
  "aws:athena/workgroup:Workgroup": ["name"],
  "aws:cloudtrail/trail:Trail": ["name"],
  "kubernetes:core/v1:Namespace": ["metadata.name"],
  "kubernetes:core/v1:ResourceQuota": ["metadata.name", "metadata.namespace"],
  "kubernetes:core/v1:LimitRange": ["metadata.name", "metadata.namespace"],
  "kubernetes:core/v1:ServiceAccount": ["metadata.name", "metadata.namespace"],
  "kubernetes:core/v1:ConfigMap": ["metadata.name", "metadata.namespace"],
  "kubernetes:networking.k8s.io/v1:NetworkPolicy": ["metadata.name", "metadata.namespace"],
  "kubernetes:rbac.authorization.k8s.io/v1:Role": ["metadata.name", "metadata.namespace"],
  "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": ["metadata.name", "metadata.namespace", "roleRef"],
  "kubernetes:batch/v1:CronJob": ["metadata.name", "metadata.namespace"],
  "pulumi:providers:aws": ["region", "allowedAccountIds"],
};

/** Resource types that hold data: replacing or deleting one loses data (the governance rules' own list). */
export const STATEFUL_TYPES: ReadonlySet<string> = new Set(STATEFUL);

/** True when a change at `path` (e.g. `metadata.name`, `rules[0].id`) forces replacement of `type`. */
export function forcesReplacement(type: string, path: string): boolean {
  const props = REPLACE_ON_CHANGE[type];
  if (!props) return false;
  return props.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}
