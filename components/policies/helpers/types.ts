import { DATA_RESOURCE_TYPES } from "../../src/blueprint/data-resources";

/** Type tokens of the resources the rules inspect, as they appear in URNs, manifests and the policy pack. */
export const T = {
  domain: "mesh:blueprint:Domain",
  dataProduct: "mesh:blueprint:DataProduct",
  platform: "mesh:blueprint:Platform",

  bucket: "aws:s3/bucket:Bucket",
  bucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  bucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
  bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  bucketOwnership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  bucketLifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  bucketLogging: "aws:s3/bucketLogging:BucketLogging",
  bucketNotification: "aws:s3/bucketNotification:BucketNotification",
  bucketObjectLock: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
  bucketAcl: "aws:s3/bucketAcl:BucketAcl",
  accessPoint: "aws:s3/accessPoint:AccessPoint",

  kmsKey: "aws:kms/key:Key",
  iamRole: "aws:iam/role:Role",
  iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
  iamPolicy: "aws:iam/policy:Policy",
  iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
  iamUserPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  iamPolicyAttachment: "aws:iam/policyAttachment:PolicyAttachment",

  snsTopic: "aws:sns/topic:Topic",
  snsTopicPolicy: "aws:sns/topicPolicy:TopicPolicy",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  athenaWorkgroup: "aws:athena/workgroup:Workgroup",
  trail: "aws:cloudtrail/trail:Trail",

  glueDatabase: "aws:glue/catalogDatabase:CatalogDatabase",
  glueTable: "aws:glue/catalogTable:CatalogTable",
  glueCatalogEncryption: "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings",
  lfPermissions: "aws:lakeformation/permissions:Permissions",
  lfResourceTags: "aws:lakeformation/resourceLfTags:ResourceLfTags",
  lfSettings: "aws:lakeformation/dataLakeSettings:DataLakeSettings",

  k8sNamespace: "kubernetes:core/v1:Namespace",
  k8sResourceQuota: "kubernetes:core/v1:ResourceQuota",
  k8sLimitRange: "kubernetes:core/v1:LimitRange",
  k8sServiceAccount: "kubernetes:core/v1:ServiceAccount",
  k8sConfigMap: "kubernetes:core/v1:ConfigMap",
  k8sNetworkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  k8sRole: "kubernetes:rbac.authorization.k8s.io/v1:Role",
  k8sClusterRole: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
  k8sRoleBinding: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
  k8sCronJob: "kubernetes:batch/v1:CronJob",
  k8sJob: "kubernetes:batch/v1:Job",
  k8sPod: "kubernetes:core/v1:Pod",
  k8sDeployment: "kubernetes:apps/v1:Deployment",
  k8sStatefulSet: "kubernetes:apps/v1:StatefulSet",
  k8sDaemonSet: "kubernetes:apps/v1:DaemonSet",
} as const;

/**
 * Resources that hold data or audit evidence: protected and retained (DESIGN: stateful resources). The blueprint's
 * one list (src/blueprint/data-resources.ts), which also decides their protection and the plan's data-loss gate.
 */
export const STATEFUL_TYPES: string[] = [...DATA_RESOURCE_TYPES];

/** AWS resource types of the blueprint that accept tags (bucket settings, policies, grants and dashboards do not). */
export const TAGGABLE_TYPES: string[] = [T.bucket, T.kmsKey, T.glueDatabase, T.iamRole, T.iamPolicy, T.snsTopic, T.logGroup, T.metricAlarm, T.athenaWorkgroup, T.trail];
