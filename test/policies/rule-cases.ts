import { T } from "../../components/policies/helpers/types";
import { Mutable } from "./mutate";

/**
 * One targeted violation per rule, on a copy of the recorded fixture (sales: Kubernetes, PII, a consumer; clinic:
 * HIPAA, PHI; analytics: reads both; the platform). `complies` is the hardening an advisory rule asks for where
 * the blueprint does not do it yet; every other rule must pass on the recorded blueprint as it is.
 */
export interface RuleCase {
  rule: string;
  /** Logical name of the resource the finding must be reported on. */
  resource: string;
  message: RegExp;
  breaks: (m: Mutable) => void;
  complies?: (m: Mutable) => void;
}

const { statement, dropStatement } = Mutable;
const ORDERS_BUCKET = "sales-orders-bucket";
const ORDERS_POLICY = "sales-orders-producer-policy";
const PIPELINE = "sales-orders-pipeline";
const pod = (m: Mutable, name = PIPELINE) => m.inputs(T.k8sCronJob, name).spec.jobTemplate.spec.template.spec;
const container = (m: Mutable, name = PIPELINE) => pod(m, name).containers[0];
const product = (m: Mutable, name: string) => m.inputs(T.dataProduct, name);
const bucketStatement = (sid: string, principal: unknown, action: unknown, resource: string, condition?: unknown) => ({ Sid: sid, Effect: "Allow", Principal: principal, Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) });

/** Object Lock everywhere: the hardening s3-object-lock asks for. */
function lockAllBuckets(m: Mutable): void {
  for (const bucket of m.all(T.bucket)) {
    bucket.inputs.objectLockEnabled = true;
    if (!m.resources.some((r) => r.type === T.bucketObjectLock && r.dependsOn.includes(bucket.urn))) {
      m.add(T.bucketObjectLock, `${bucket.name}-object-lock`, { type: bucket.type, name: bucket.name }, { rule: { defaultRetention: { mode: "GOVERNANCE", days: 30 } } }, [{ type: T.bucket, name: bucket.name }]);
    }
  }
}

const s3: RuleCase[] = [
  { rule: "s3-tls-only", resource: ORDERS_BUCKET, message: /does not deny requests without TLS/, breaks: (m) => m.policy(T.bucketPolicy, `${ORDERS_BUCKET}-policy`, (d) => dropStatement(d, "DenyInsecureTransport")) },
  { rule: "s3-block-public-access", resource: ORDERS_BUCKET, message: /does not set restrictPublicBuckets/, breaks: (m) => { m.inputs(T.bucketPublicAccessBlock, `${ORDERS_BUCKET}-public-access-block`).restrictPublicBuckets = false; } },
  {
    rule: "s3-policy-not-public", resource: ORDERS_BUCKET, message: /statement PublicRead allows any principal without a pinning condition/,
    breaks: (m) => m.policy(T.bucketPolicy, `${ORDERS_BUCKET}-policy`, (d) => { d.Statement.push(bucketStatement("PublicRead", "*", "s3:GetObject", "arn:aws:s3:::fx-dev-sales-orders/*")); }),
  },
  {
    rule: "s3-cross-account-restricted", resource: ORDERS_BUCKET, message: /statement PartnerAdmin allows s3:PutBucketPolicy to an AWS principal/,
    breaks: (m) => m.policy(T.bucketPolicy, `${ORDERS_BUCKET}-policy`, (d) => { d.Statement.push(bucketStatement("PartnerAdmin", { AWS: "arn:aws:iam::999999999999:root" }, ["s3:GetObject", "s3:PutBucketPolicy"], "arn:aws:s3:::fx-dev-sales-orders")); }),
  },
  { rule: "s3-acls-disabled", resource: ORDERS_BUCKET, message: /object ownership is BucketOwnerPreferred/, breaks: (m) => { m.inputs(T.bucketOwnership, `${ORDERS_BUCKET}-ownership`).rule.objectOwnership = "BucketOwnerPreferred"; } },
  { rule: "s3-versioning", resource: ORDERS_BUCKET, message: /versioning is Suspended/, breaks: (m) => { m.inputs(T.bucketVersioning, `${ORDERS_BUCKET}-versioning`).versioningConfiguration.status = "Suspended"; } },
  { rule: "s3-lifecycle", resource: ORDERS_BUCKET, message: /no enabled lifecycle rule expires noncurrent versions/, breaks: (m) => { for (const r of m.inputs(T.bucketLifecycle, `${ORDERS_BUCKET}-lifecycle`).rules) delete r.noncurrentVersionExpiration; } },
  { rule: "s3-abort-incomplete-uploads", resource: ORDERS_BUCKET, message: /aborts incomplete multipart uploads/, breaks: (m) => { for (const r of m.inputs(T.bucketLifecycle, `${ORDERS_BUCKET}-lifecycle`).rules) delete r.abortIncompleteMultipartUpload; } },
  { rule: "s3-access-logging", resource: ORDERS_BUCKET, message: /has no server access logging/, breaks: (m) => m.remove(T.bucketLogging, `${ORDERS_BUCKET}-logging`) },
  { rule: "s3-event-notifications", resource: ORDERS_BUCKET, message: /sends object events nowhere/, breaks: (m) => { m.inputs(T.bucketNotification, `${ORDERS_BUCKET}-notifications`).eventbridge = false; } },
  {
    rule: "s3-kms-encryption", resource: ORDERS_BUCKET, message: /encrypts with AES256, not aws:kms/,
    breaks: (m) => { m.inputs(T.bucketEncryption, `${ORDERS_BUCKET}-encryption`).rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]; },
  },
  { rule: "s3-bucket-key", resource: ORDERS_BUCKET, message: /encrypts with KMS without a bucket key/, breaks: (m) => { m.inputs(T.bucketEncryption, `${ORDERS_BUCKET}-encryption`).rules[0].bucketKeyEnabled = false; } },
  { rule: "s3-object-lock", resource: "clinic-visits-bucket", message: /has no default Object Lock retention/, complies: lockAllBuckets, breaks: (m) => m.remove(T.bucketObjectLock, "clinic-visits-bucket-object-lock") },
  {
    rule: "s3-mfa-delete", resource: ORDERS_BUCKET, message: /versioning does not require MFA delete/,
    complies: (m) => { for (const v of m.all(T.bucketVersioning)) v.inputs.versioningConfiguration.mfaDelete = "Enabled"; },
    breaks: (m) => { m.inputs(T.bucketVersioning, `${ORDERS_BUCKET}-versioning`).versioningConfiguration.mfaDelete = "Disabled"; },
  },
  {
    rule: "s3-access-point-block-public", resource: "sales-orders-access-point", message: /access point turns off blockPublicPolicy/,
    breaks: (m) => { m.add(T.accessPoint, "sales-orders-access-point", { type: T.dataProduct, name: "sales-orders" }, { bucket: "fx-dev-sales-orders", name: "orders-ap", publicAccessBlockConfiguration: { blockPublicPolicy: false } }); },
  },
  { rule: "s3-deny-outside-organization", resource: ORDERS_BUCKET, message: /does not deny principals outside the organisation/, breaks: (m) => m.policy(T.bucketPolicy, `${ORDERS_BUCKET}-policy`, (d) => dropStatement(d, "DenyOutsideOrganization")) },
];

const TRAIL = "platform-data-audit";
const dataSelector = (m: Mutable) => (m.inputs(T.trail, TRAIL).advancedEventSelectors as { name: string; fieldSelectors: Record<string, unknown>[] }[]).find((s) => s.name === "Mesh data reads and writes")!;
const cloudtrail: RuleCase[] = [
  { rule: "cloudtrail-platform-trail", resource: "platform", message: /declares no CloudTrail trail/, breaks: (m) => m.remove(T.trail, TRAIL) },
  { rule: "cloudtrail-s3-write-events", resource: TRAIL, message: /does not log S3 object-level write events/, breaks: (m) => { dataSelector(m).fieldSelectors.push({ field: "readOnly", equals: ["true"] }); } },
  { rule: "cloudtrail-s3-read-events", resource: TRAIL, message: /does not log S3 object-level read events/, breaks: (m) => { dataSelector(m).fieldSelectors.push({ field: "readOnly", equals: ["false"] }); } },
  { rule: "cloudtrail-multi-region", resource: TRAIL, message: /is not multi-region/, breaks: (m) => { m.inputs(T.trail, TRAIL).isMultiRegionTrail = false; } },
  { rule: "cloudtrail-encrypted", resource: TRAIL, message: /does not encrypt its logs/, breaks: (m) => { delete m.inputs(T.trail, TRAIL).kmsKeyId; } },
  { rule: "cloudtrail-log-file-validation", resource: TRAIL, message: /does not validate log files/, breaks: (m) => { m.inputs(T.trail, TRAIL).enableLogFileValidation = false; } },
];

const kms: RuleCase[] = [
  { rule: "kms-key-rotation", resource: "sales-key", message: /does not rotate/, breaks: (m) => { m.inputs(T.kmsKey, "sales-key").enableKeyRotation = false; } },
  {
    // kms:ViaService alone does not pin the caller: any principal could decrypt through S3.
    rule: "kms-key-not-public", resource: "sales-key", message: /statement ConsumersDecryptThroughS3 allows any principal without a pinning condition/,
    breaks: (m) => m.policy(T.kmsKey, "sales-key", (d) => { delete statement(d, "ConsumersDecryptThroughS3").Condition.ArnEquals; }),
  },
  { rule: "kms-decrypt-not-on-all-keys", resource: ORDERS_POLICY, message: /statement UseDomainKey allows kms:Decrypt on all KMS keys/, breaks: (m) => m.policy(T.iamRolePolicy, ORDERS_POLICY, (d) => { statement(d, "UseDomainKey").Resource = "*"; }) },
  { rule: "kms-key-deletion-window", resource: "sales-key", message: /deletion window is 7 days, not 30/, breaks: (m) => { m.inputs(T.kmsKey, "sales-key").deletionWindowInDays = 7; } },
];

const iam: RuleCase[] = [
  { rule: "iam-no-admin-access", resource: ORDERS_POLICY, message: /statement Admin allows \* on \*/, breaks: (m) => m.policy(T.iamRolePolicy, ORDERS_POLICY, (d) => { d.Statement.push({ Sid: "Admin", Effect: "Allow", Action: "*", Resource: "*" }); }) },
  { rule: "iam-no-wildcard-actions", resource: ORDERS_POLICY, message: /statement WriteOwnPorts uses wildcard actions s3:\*/, breaks: (m) => m.policy(T.iamRolePolicy, ORDERS_POLICY, (d) => { statement(d, "WriteOwnPorts").Action = ["s3:*"]; }) },
  { rule: "iam-no-wildcard-resources", resource: ORDERS_POLICY, message: /statement ListOwnBucket grants on \*/, breaks: (m) => m.policy(T.iamRolePolicy, ORDERS_POLICY, (d) => { statement(d, "ListOwnBucket").Resource = "*"; }) },
  {
    rule: "iam-no-user-policies", resource: "sales-etl-bot-boundary", message: /attaches a policy to user etl-bot/,
    breaks: (m) => { m.add(T.iamUserPolicyAttachment, "sales-etl-bot-boundary", { type: T.domain, name: "sales" }, { user: "etl-bot", policyArn: "arn:aws:iam::111111111111:policy/fx-dev-sales-boundary" }); },
  },
  { rule: "iam-no-aws-managed-policies", resource: "sales-orders-producer", message: /uses AWS-managed arn:aws:iam::aws:policy\/AmazonS3FullAccess/, breaks: (m) => { m.inputs(T.iamRole, "sales-orders-producer").managedPolicyArns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]; } },
  { rule: "iam-permissions-boundary", resource: "sales-orders-producer", message: /has no permissions boundary/, breaks: (m) => { delete m.inputs(T.iamRole, "sales-orders-producer").permissionsBoundary; } },
  {
    rule: "iam-irsa-trust-scoped", resource: "sales-orders-producer", message: /statement IrsaServiceAccount does not pin .*:sub to one service account/,
    breaks: (m) => m.policy(T.iamRole, "sales-orders-producer", (d) => {
      const s = statement(d, "IrsaServiceAccount");
      const sub = Object.keys(s.Condition.StringEquals).find((k) => k.endsWith(":sub"))!;
      s.Condition.StringLike = { [sub]: "system:serviceaccount:sales-dev:*" };
      delete s.Condition.StringEquals[sub];
    }, "assumeRolePolicy"),
  },
  { rule: "iam-service-trust-scoped", resource: "clinic-visits-producer", message: /statement GlueJobs trusts a service without aws:SourceAccount or aws:SourceArn/, breaks: (m) => m.policy(T.iamRole, "clinic-visits-producer", (d) => { delete statement(d, "GlueJobs").Condition; }, "assumeRolePolicy") },
];

const services: RuleCase[] = [
  { rule: "sns-topic-encrypted", resource: "sales-alerts", message: /is not encrypted with a KMS key/, breaks: (m) => { delete m.inputs(T.snsTopic, "sales-alerts").kmsMasterKeyId; } },
  { rule: "sns-topic-tls-only", resource: "sales-alerts", message: /does not deny sns:Publish without TLS/, breaks: (m) => m.policy(T.snsTopicPolicy, "sales-alerts-policy", (d) => dropStatement(d, "DenyInsecureTransport")) },
  {
    rule: "sns-topic-not-public", resource: "sales-alerts-policy", message: /statement CloudWatchAlarmsPublish allows any principal/,
    breaks: (m) => m.policy(T.snsTopicPolicy, "sales-alerts-policy", (d) => { const s = statement(d, "CloudWatchAlarmsPublish"); s.Principal = "*"; delete s.Condition; }),
  },
  { rule: "cloudwatch-alarm-actions", resource: "sales-orders-quality", message: /has no alarm actions/, breaks: (m) => { m.inputs(T.metricAlarm, "sales-orders-quality").alarmActions = []; } },
  { rule: "cloudwatch-log-group-retention", resource: "sales-orders-logs", message: /keeps logs 90 days, less than 365/, breaks: (m) => { m.inputs(T.logGroup, "sales-orders-logs").retentionInDays = 90; } },
  { rule: "cloudwatch-log-group-encrypted", resource: "sales-orders-logs", message: /is not encrypted with a KMS key/, breaks: (m) => { delete m.inputs(T.logGroup, "sales-orders-logs").kmsKeyId; } },
  {
    rule: "athena-results-encrypted", resource: "sales-workgroup", message: /encrypts query results with SSE_S3, not KMS/,
    breaks: (m) => { m.inputs(T.athenaWorkgroup, "sales-workgroup").configuration.resultConfiguration.encryptionConfiguration = { encryptionOption: "SSE_S3" }; },
  },
  { rule: "athena-enforce-configuration", resource: "sales-workgroup", message: /lets clients override its configuration/, breaks: (m) => { m.inputs(T.athenaWorkgroup, "sales-workgroup").configuration.enforceWorkgroupConfiguration = false; } },
  { rule: "athena-metrics-enabled", resource: "sales-workgroup", message: /does not publish CloudWatch metrics/, breaks: (m) => { m.inputs(T.athenaWorkgroup, "sales-workgroup").configuration.publishCloudwatchMetricsEnabled = false; } },
  { rule: "athena-scan-cutoff", resource: "sales-workgroup", message: /has no bytes-scanned cut-off/, breaks: (m) => { delete m.inputs(T.athenaWorkgroup, "sales-workgroup").configuration.bytesScannedCutoffPerQuery; } },
];

const CONSUMER_GRANT = "sales-orders-read-orders-analytics--churn";
const catalog: RuleCase[] = [
  {
    rule: "glue-lake-formation-only", resource: "sales-database", message: /createTableDefaultPermissions grants IAM_ALLOWED_PRINCIPALS/,
    breaks: (m) => { m.inputs(T.glueDatabase, "sales-database").createTableDefaultPermissions = [{ principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["ALL"] }]; },
  },
  { rule: "glue-table-lf-tags", resource: "sales-orders-orders-v2", message: /has no classification LF-tag/, breaks: (m) => m.remove(T.lfResourceTags, "sales-orders-orders-v2-lf-tags") },
  {
    rule: "glue-catalog-encryption", resource: "platform", message: /catalog metadata is not encrypted with SSE-KMS/,
    complies: (m) => {
      m.add(T.glueCatalogEncryption, "platform-catalog-encryption", { type: T.platform, name: "platform" }, {
        dataCatalogEncryptionSettings: { encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: "alias/fx/dev/catalog" }, connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true } },
      });
    },
    breaks: (m) => { m.inputs(T.glueCatalogEncryption, "platform-catalog-encryption").dataCatalogEncryptionSettings.encryptionAtRest.catalogEncryptionMode = "DISABLED"; },
  },
  { rule: "lakeformation-grants-least-privilege", resource: CONSUMER_GRANT, message: /grants with grant option/, breaks: (m) => { m.inputs(T.lfPermissions, CONSUMER_GRANT).permissionsWithGrantOption = ["SELECT"]; } },
];

const kubernetes: RuleCase[] = [
  { rule: "k8s-no-privilege-escalation", resource: PIPELINE, message: /container pipeline: does not set allowPrivilegeEscalation false/, breaks: (m) => { container(m).securityContext.allowPrivilegeEscalation = true; } },
  { rule: "k8s-run-as-non-root", resource: PIPELINE, message: /container pipeline: runs as UID 0/, breaks: (m) => { pod(m).securityContext.runAsUser = 0; } },
  { rule: "k8s-drop-all-capabilities", resource: PIPELINE, message: /container pipeline: adds capabilities SYS_ADMIN/, breaks: (m) => { container(m).securityContext.capabilities = { drop: ["ALL"], add: ["SYS_ADMIN"] }; } },
  { rule: "k8s-seccomp-profile", resource: PIPELINE, message: /container pipeline: seccomp profile is Unconfined/, breaks: (m) => { container(m).securityContext.seccompProfile = { type: "Unconfined" }; } },
  { rule: "k8s-no-host-access", resource: PIPELINE, message: /sets hostNetwork/, breaks: (m) => { pod(m).hostNetwork = true; } },
  { rule: "k8s-restricted-volume-types", resource: PIPELINE, message: /volume data uses nfs/, breaks: (m) => { pod(m).volumes.push({ name: "data", nfs: { server: "nfs.example.com", path: "/exports" } }); } },
  { rule: "k8s-read-only-root-filesystem", resource: PIPELINE, message: /container pipeline: has a writable root filesystem/, breaks: (m) => { container(m).securityContext.readOnlyRootFilesystem = false; } },
  { rule: "k8s-resource-requests-limits", resource: PIPELINE, message: /container pipeline: does not set limits.cpu, limits.memory/, breaks: (m) => { delete container(m).resources.limits; } },
  { rule: "k8s-image-tag-pinned", resource: PIPELINE, message: /image registry.example.com\/sales\/orders:latest is not pinned/, breaks: (m) => { container(m).image = "registry.example.com/sales/orders:latest"; } },
  {
    rule: "k8s-image-digest", resource: PIPELINE, message: /image registry.example.com\/sales\/orders:1.0.0 is referenced by tag, not digest/,
    complies: (m) => { for (const job of m.all(T.k8sCronJob)) job.inputs.spec.jobTemplate.spec.template.spec.containers[0].image = `registry.example.com/pinned@sha256:${"ab".repeat(32)}`; },
    breaks: (m) => { container(m).image = "registry.example.com/sales/orders:1.0.0"; },
  },
  { rule: "k8s-service-account-token-off", resource: "sales-orders-service-account", message: /does not set automountServiceAccountToken false/, breaks: (m) => { m.inputs(T.k8sServiceAccount, "sales-orders-service-account").automountServiceAccountToken = true; } },
  { rule: "k8s-namespace-default-deny", resource: "sales-namespace", message: /has no default-deny NetworkPolicy/, breaks: (m) => { m.inputs(T.k8sNetworkPolicy, "sales-default-deny").spec.ingress = [{}]; } },
  { rule: "k8s-namespace-quota-and-limits", resource: "sales-namespace", message: /has no ResourceQuota/, breaks: (m) => m.remove(T.k8sResourceQuota, "sales-quota") },
  { rule: "k8s-namespace-pod-security", resource: "sales-namespace", message: /enforces Pod Security baseline, not restricted/, breaks: (m) => { m.inputs(T.k8sNamespace, "sales-namespace").metadata.labels["pod-security.kubernetes.io/enforce"] = "baseline"; } },
  { rule: "k8s-rbac-no-wildcards", resource: "sales-pipeline-role", message: /rule #1 has \* in verbs/, breaks: (m) => { m.inputs(T.k8sRole, "sales-pipeline-role").rules[0].verbs = ["*"]; } },
  { rule: "k8s-rbac-no-secrets", resource: "sales-pipeline-role", message: /rule #1 allows get, list, watch on secrets/, breaks: (m) => { m.inputs(T.k8sRole, "sales-pipeline-role").rules[0].resources = ["configmaps", "secrets"]; } },
  { rule: "k8s-no-default-namespace", resource: "sales-orders-quality-rules", message: /is in the default namespace/, breaks: (m) => { m.inputs(T.k8sConfigMap, "sales-orders-quality-rules").metadata.namespace = "default"; } },
  { rule: "k8s-no-default-service-account", resource: PIPELINE, message: /runs as the default service account/, breaks: (m) => { pod(m).serviceAccountName = "default"; } },
];

const CHURN_ROLE = "arn:aws:iam::111111111111:role/fx-dev-analytics-churn";
const hipaa: RuleCase[] = [
  { rule: "hipaa-phi-object-lock", resource: "clinic-visits-bucket", message: /locks objects 30 days, less than the contract's retention of 2555 days/, breaks: (m) => { m.inputs(T.bucketObjectLock, "clinic-visits-bucket-object-lock").rule.defaultRetention.days = 30; } },
  { rule: "hipaa-audit-logging", resource: "clinic-query-results", message: /is in a HIPAA domain but does not log server access/, breaks: (m) => m.remove(T.bucketLogging, "clinic-query-results-logging") },
  { rule: "hipaa-phi-in-hipaa-domain", resource: "clinic-visits", message: /publishes PHI \(visits\) but clinic does not declare hipaa/, breaks: (m) => { m.inputs(T.domain, "clinic").compliance = []; } },
  {
    rule: "hipaa-phi-deidentification", resource: "clinic-visits", message: /reads PHI \(registry\/admissions\/admissions@1\) and publishes ports without PHI, but declares no de-identification/,
    breaks: (m) => {
      const visits = product(m, "clinic-visits");
      visits.ports[0].containsPhi = false;
      visits.inputs = [{ from: "registry/admissions/admissions@1", classification: "restricted", containsPhi: true, approved: true }];
    },
  },
  {
    rule: "hipaa-phi-access-approved", resource: "clinic-visits", message: /analytics\/churn reads PHI port visits by auto-approval, not an explicit approval/,
    breaks: (m) => { product(m, "clinic-visits").consumers = [{ consumer: "analytics/churn", port: "visits", fields: ["visit_id"], roleArn: CHURN_ROLE, approvedVia: "autoApprove" }]; },
  },
  {
    rule: "hipaa-phi-minimum-necessary", resource: "clinic-visits", message: /fx-dev-analytics-churn can read whole objects of PHI port visits/,
    breaks: (m) => m.policy(T.bucketPolicy, "clinic-visits-bucket-policy", (d) => {
      d.Statement.push(bucketStatement("Readvisitsanalyticschurn", { AWS: "*" }, "s3:GetObject", "arn:aws:s3:::fx-dev-clinic-visits/visits/v1/*", { ArnEquals: { "aws:PrincipalArn": CHURN_ROLE } }));
    }),
  },
  { rule: "hipaa-customer-managed-keys", resource: "clinic-alerts", message: /topic encryption uses the AWS-managed alias\/aws\/sns/, breaks: (m) => { m.inputs(T.snsTopic, "clinic-alerts").kmsMasterKeyId = "alias/aws/sns"; } },
];

const mesh: RuleCase[] = [
  {
    rule: "mesh-sensitive-data-perimeter", resource: "clinic-visits-bucket", message: /bucket policy has no data perimeter \(domain compliance hipaa\)/,
    breaks: (m) => m.policy(T.bucketPolicy, "clinic-visits-bucket-policy", (d) => dropStatement(d, "DataPerimeterDeclaredPrincipalsOnly")),
  },
  {
    // 120 consumers' read statements of ~200 bytes each push the policy past S3's 20 KB (20,480 bytes) quota.
    rule: "mesh-policy-size-within-quota", resource: "sales-orders-bucket-policy", message: /bucket policy is 2\d,\d{3} bytes, above S3's 20 KB bucket policy quota \(20,480\)/,
    breaks: (m) => m.policy(T.bucketPolicy, "sales-orders-bucket-policy", (d) => {
      for (let i = 0; i < 120; i++) d.Statement.push({ Sid: `Consumer${i}`, Effect: "Allow", Principal: { AWS: `arn:aws:iam::111111111111:role/fx-dev-consumer-${i}` }, Action: "s3:GetObject", Resource: "arn:aws:s3:::fx-dev-sales-orders/orders/v2/*" });
    }),
  },
  {
    rule: "mesh-restricted-access-approved", resource: "clinic-visits", message: /analytics\/churn reads restricted port visits(@\d+)? by auto-approval, not an explicit approval/,
    breaks: (m) => { product(m, "clinic-visits").consumers = [{ consumer: "analytics/churn", port: "visits", fields: ["visit_id"], roleArn: CHURN_ROLE, approvedVia: "autoApprove" }]; },
  },
  { rule: "mesh-product-owners", resource: "sales-orders", message: /names no owners/, breaks: (m) => { product(m, "sales-orders").owners = []; } },
  { rule: "mesh-product-contract-version", resource: "sales-orders", message: /contract version 2.1 is not a semantic version/, breaks: (m) => { product(m, "sales-orders").contractVersion = "2.1"; } },
  { rule: "mesh-product-freshness-sla", resource: "sales-orders", message: /has no freshness \(latency\) SLA/, breaks: (m) => { delete product(m, "sales-orders").sla.latencySeconds; } },
  { rule: "mesh-product-classification", resource: "sales-orders", message: /classification secret is not one of public, internal, confidential, restricted/, breaks: (m) => { product(m, "sales-orders").classification = "secret"; } },
  { rule: "mesh-required-tags", resource: "sales-orders", message: /sales-orders-logs lacks tags mesh:cost-centre/, breaks: (m) => { delete m.inputs(T.logGroup, "sales-orders-logs").tags["mesh:cost-centre"]; } },
  { rule: "mesh-classification-not-lowered", resource: "analytics-churn", message: /port churn_scores is internal but reads confidential data from sales\/orders\/orders@2/, breaks: (m) => { product(m, "analytics-churn").ports[0].classification = "internal"; } },
  { rule: "mesh-data-residency", resource: "sales", message: /sales-aws points to ap-southeast-2/, breaks: (m) => { m.inputs("pulumi:providers:aws", "sales-aws").region = "ap-southeast-2"; } },
  {
    rule: "mesh-stateful-protected", resource: ORDERS_BUCKET, message: /is not protected in production/,
    breaks: (m) => { m.inputs(T.domain, "sales").production = true; Object.assign(m.get(T.bucket, ORDERS_BUCKET), { protect: false, retainOnDelete: false }); },
  },
  { rule: "mesh-freshness-alarm", resource: "sales-orders", message: /freshness alarm treats missing data as notBreaching, not breaching/, breaks: (m) => { m.inputs(T.metricAlarm, "sales-orders-freshness").treatMissingData = "notBreaching"; } },
  { rule: "mesh-grants-declared-consumers", resource: "sales-orders", message: /grant sales-orders-read-orders-analytics--churn gives orders_v2 to .*fx-dev-analytics-churn, who declared no approved input on it/, breaks: (m) => { product(m, "sales-orders").consumers = []; } },
];

export const CASES: RuleCase[] = [...s3, ...cloudtrail, ...kms, ...iam, ...services, ...catalog, ...kubernetes, ...hipaa, ...mesh];
