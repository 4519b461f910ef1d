import { describe, expect, it } from "vitest";
import { diffStack, dataLoss } from "../../cli/src/diff/stack-diff";
import { forcesReplacement, STATEFUL_TYPES } from "../../cli/src/diff/replace-table";
import { showValue } from "../../cli/src/diff/input-diff";
import type { ManifestResource, StackManifest } from "../../cli/src/plan/manifest";

const STACK = "sales-dev";
const urn = (type: string, name: string, parentType = "mesh:blueprint:Domain") => `urn:pulumi:${STACK}::mesh::${parentType}$${type}::${name}`;

function resource(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<ManifestResource> = {}): ManifestResource {
  return { urn: urn(type, name), type, name, custom: true, id: name, parent: `urn:pulumi:${STACK}::mesh::mesh:blueprint:Domain::sales`, dependsOn: [], protect: STATEFUL_TYPES.has(type), retainOnDelete: STATEFUL_TYPES.has(type), aliases: [], inputs, ...extra };
}

function manifest(resources: ManifestResource[]): StackManifest {
  return { stack: STACK, project: "mesh", domain: "sales", env: "dev", blueprintVersion: "1.0.0", resources };
}

const BUCKET = "aws:s3/bucket:Bucket";
const bucket = (inputs: Record<string, unknown> = {}, extra: Partial<ManifestResource> = {}) => resource(BUCKET, "sales-orders-bucket", { bucket: "fx-dev-sales-orders", tags: { a: "1" }, ...inputs }, extra);
const alarm = (inputs: Record<string, unknown> = {}) => resource("aws:cloudwatch/metricAlarm:MetricAlarm", "sales-orders-freshness", { name: "fx-dev-sales-orders-freshness", threshold: 1, ...inputs });

describe("diffStack", () => {
  it("finds nothing between identical manifests", () => {
    const d = diffStack(STACK, manifest([bucket(), alarm()]), manifest([bucket(), alarm()]));
    expect(d.changes).toEqual([]);
    expect(d.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0, same: 2 });
  });

  it("reports a create", () => {
    const d = diffStack(STACK, manifest([bucket()]), manifest([bucket(), alarm()]));
    expect(d.changes).toEqual([expect.objectContaining({ kind: "create", name: "sales-orders-freshness", stateful: false })]);
  });

  it("reports an update with the changed inputs, old and new", () => {
    const d = diffStack(STACK, manifest([alarm()]), manifest([alarm({ threshold: 5 })]));
    expect(d.changes).toEqual([expect.objectContaining({ kind: "update", changes: [{ path: "threshold", old: 1, new: 5 }], replaceReasons: [] })]);
  });

  it("diffs policy documents held in strings statement by statement (statements keyed by Sid)", () => {
    const policy = (action: string) => JSON.stringify({ Statement: [{ Sid: "A", Action: action }] });
    const p = (a: string) => resource("aws:s3/bucketPolicy:BucketPolicy", "sales-orders-bucket-policy", { bucket: "b", policy: policy(a) });
    const d = diffStack(STACK, manifest([p("s3:GetObject")]), manifest([p("s3:PutObject")]));
    expect(d.changes[0]!.changes).toEqual([{ path: "policy.Statement[Sid=A].Action", old: "s3:GetObject", new: "s3:PutObject" }]);
  });

  it("reports a replace when a property that forces replacement changes, and flags a stateful one as data loss", () => {
    const d = diffStack(STACK, manifest([bucket()]), manifest([bucket({ bucket: "fx-dev-sales-orders-eu" })]));
    expect(d.changes).toEqual([expect.objectContaining({ kind: "replace", replaceReasons: ["bucket"], stateful: true })]);
    expect(dataLoss(d)).toHaveLength(1);
  });

  it("updates a stateful resource in place when only tags change: no data loss", () => {
    const d = diffStack(STACK, manifest([bucket()]), manifest([bucket({ tags: { a: "2" } })]));
    expect(d.changes).toEqual([expect.objectContaining({ kind: "update", stateful: true })]);
    expect(dataLoss(d)).toEqual([]);
  });

  it("reports deletes, and a deleted bucket as data loss but not a deleted alarm", () => {
    const d = diffStack(STACK, manifest([bucket(), alarm()]), manifest([]));
    expect(d.changes.map((c) => [c.kind, c.name, c.stateful])).toEqual([["delete", "sales-orders-bucket", true], ["delete", "sales-orders-freshness", false]]);
    expect(dataLoss(d).map((c) => c.name)).toEqual(["sales-orders-bucket"]);
  });

  it("treats anything protected in the base as stateful", () => {
    const protectedAlarm = resource("aws:cloudwatch/metricAlarm:MetricAlarm", "x", { name: "x" }, { protect: true });
    expect(dataLoss(diffStack(STACK, manifest([protectedAlarm]), manifest([])))).toHaveLength(1);
  });

  it("deletes every resource of a stack removed from the head", () => {
    const d = diffStack(STACK, manifest([bucket(), alarm()]), undefined);
    expect(d.counts.delete).toBe(2);
  });
});

describe("renames through aliases", () => {
  it("matches a renamed resource to its old URN through an alias spec: no delete, no create", () => {
    const old = bucket();
    const renamed = resource(BUCKET, "sales-orders-data", old.inputs, { aliases: [{ name: "sales-orders-bucket", type: "", stack: "", project: "", parenturn: "" }] });
    const d = diffStack(STACK, manifest([old]), manifest([renamed]));
    expect(d.changes).toEqual([]);
    expect(d.renames).toEqual([{ from: old.urn, to: renamed.urn }]);
    expect(dataLoss(d)).toEqual([]);
  });

  it("matches through a plain URN alias, and still reports input changes", () => {
    const old = bucket();
    const renamed = resource(BUCKET, "sales-orders-data", { ...old.inputs, tags: { a: "2" } }, { aliases: [old.urn] });
    const d = diffStack(STACK, manifest([old]), manifest([renamed]));
    expect(d.changes).toEqual([expect.objectContaining({ kind: "update", from: old.urn, changes: [{ path: "tags.a", old: "1", new: "2" }] })]);
  });

  it("without an alias a rename is a delete and a create", () => {
    const d = diffStack(STACK, manifest([bucket()]), manifest([resource(BUCKET, "sales-orders-data", bucket().inputs)]));
    expect(d.counts).toMatchObject({ create: 1, delete: 1 });
    expect(dataLoss(d)).toHaveLength(1);
  });
});

/**
 * What the providers document, written down here independently of replace-table.ts: for each stateful type (and the
 * types that guard it) one input the provider replaces on and one it updates in place.
 * - TF: Terraform AWS provider docs (registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/<name>),
 *   arguments marked "(Forces new resource)"; the Pulumi AWS provider is bridged from it and keeps ForceNew.
 * - CFN: AWS CloudFormation template reference, "Update requires: Replacement" (same AWS API constraints).
 * - K8S: Kubernetes API conventions (metadata.name and metadata.namespace identify an object and cannot change);
 *   RBAC docs ("After you create a binding, you cannot change the Role or ClusterRole that it refers to").
 */
const DOCUMENTED: { type: string; replacedOn: [string, unknown, unknown]; updatedOn: [string, unknown, unknown]; source: string }[] = [
  { type: "aws:s3/bucket:Bucket", replacedOn: ["bucket", "fx-a", "fx-b"], updatedOn: ["tags", { a: "1" }, { a: "2" }], source: "TF s3_bucket: bucket (Forces new resource), object_lock_enabled (Forces new resource); tags in place" },
  { type: "aws:s3/bucket:Bucket", replacedOn: ["objectLockEnabled", false, true], updatedOn: ["forceDestroy", false, true], source: "TF s3_bucket: object_lock_enabled (Forces new resource); force_destroy in place" },
  { type: "aws:kms/key:Key", replacedOn: ["customerMasterKeySpec", "SYMMETRIC_DEFAULT", "RSA_2048"], updatedOn: ["description", "a", "b"], source: "TF kms_key: customer_master_key_spec, key_usage (Forces new); CFN KMS::Key: KeySpec/KeyUsage/MultiRegion immutable; description via UpdateKeyDescription" },
  { type: "aws:kms/key:Key", replacedOn: ["multiRegion", false, true], updatedOn: ["enableKeyRotation", false, true], source: "TF kms_key: multi_region (Forces new); enable_key_rotation in place" },
  { type: "aws:kms/key:Key", replacedOn: ["keyUsage", "ENCRYPT_DECRYPT", "SIGN_VERIFY"], updatedOn: ["policy", "{}", "{\"Version\":\"2012-10-17\"}"], source: "TF kms_key: key_usage (Forces new); policy via PutKeyPolicy in place" },
  { type: "aws:kms/alias:Alias", replacedOn: ["name", "alias/a", "alias/b"], updatedOn: ["targetKeyId", "k1", "k2"], source: "TF kms_alias: name (Forces new); target_key_id via UpdateAlias" },
  { type: "aws:glue/catalogDatabase:CatalogDatabase", replacedOn: ["name", "a", "b"], updatedOn: ["description", "a", "b"], source: "TF glue_catalog_database: name, catalog_id (Forces new)" },
  { type: "aws:glue/catalogDatabase:CatalogDatabase", replacedOn: ["catalogId", "111111111111", "222222222222"], updatedOn: ["locationUri", "s3://a", "s3://b"], source: "TF glue_catalog_database: catalog_id (Forces new); CFN Glue::Database CatalogId: Replacement" },
  { type: "aws:glue/catalogTable:CatalogTable", replacedOn: ["databaseName", "a", "b"], updatedOn: ["description", "a", "b"], source: "TF glue_catalog_table: name, database_name, catalog_id (Forces new); CFN Glue::Table DatabaseName/CatalogId: Replacement" },
  { type: "aws:glue/catalogTable:CatalogTable", replacedOn: ["name", "a", "b"], updatedOn: ["storageDescriptor.location", "s3://a", "s3://b"], source: "TF glue_catalog_table: name (Forces new); storage_descriptor in place (UpdateTable)" },
  { type: "aws:sns/topic:Topic", replacedOn: ["name", "a", "b"], updatedOn: ["displayName", "a", "b"], source: "TF sns_topic: name, fifo_topic (Forces new); display_name via SetTopicAttributes" },
  { type: "aws:sns/topic:Topic", replacedOn: ["fifoTopic", false, true], updatedOn: ["kmsMasterKeyId", "k1", "k2"], source: "TF sns_topic: fifo_topic (Forces new); kms_master_key_id in place" },
  { type: "aws:cloudwatch/logGroup:LogGroup", replacedOn: ["name", "/a", "/b"], updatedOn: ["retentionInDays", 365, 400], source: "TF cloudwatch_log_group: name (Forces new), log_group_class (Forces new); retention_in_days in place" },
  { type: "aws:cloudwatch/logGroup:LogGroup", replacedOn: ["logGroupClass", "STANDARD", "INFREQUENT_ACCESS"], updatedOn: ["kmsKeyId", "k1", "k2"], source: "TF cloudwatch_log_group: log_group_class (Forces new); kms_key_id via AssociateKmsKey" },
  { type: "aws:iam/role:Role", replacedOn: ["name", "a", "b"], updatedOn: ["maxSessionDuration", 3600, 7200], source: "TF iam_role: name, name_prefix, path (Forces new); max_session_duration in place" },
  { type: "aws:iam/role:Role", replacedOn: ["path", "/", "/mesh/"], updatedOn: ["assumeRolePolicy", "{}", "{\"Version\":\"2012-10-17\"}"], source: "TF iam_role: path (Forces new); assume_role_policy via UpdateAssumeRolePolicy" },
  { type: "aws:s3/bucketPolicy:BucketPolicy", replacedOn: ["bucket", "a", "b"], updatedOn: ["policy", "{}", "{\"Version\":\"2012-10-17\"}"], source: "TF s3_bucket_policy: bucket (Forces new); policy in place" },
  { type: "aws:s3/bucketVersioning:BucketVersioning", replacedOn: ["bucket", "a", "b"], updatedOn: ["versioningConfiguration.status", "Suspended", "Enabled"], source: "TF s3_bucket_versioning: bucket, expected_bucket_owner (Forces new)" },
  { type: "aws:sns/topicSubscription:TopicSubscription", replacedOn: ["protocol", "email", "https"], updatedOn: ["filterPolicy", "{}", "{\"a\":[\"b\"]}"], source: "TF sns_topic_subscription: topic_arn, protocol, endpoint (Forces new); filter_policy in place" },
  { type: "aws:athena/workgroup:Workgroup", replacedOn: ["name", "a", "b"], updatedOn: ["description", "a", "b"], source: "TF athena_workgroup: name (Forces new); description, configuration in place (UpdateWorkGroup)" },
  { type: "aws:cloudtrail/trail:Trail", replacedOn: ["name", "a", "b"], updatedOn: ["s3BucketName", "a", "b"], source: "TF cloudtrail: name (Forces new); s3_bucket_name in place (UpdateTrail)" },
  { type: "kubernetes:core/v1:Namespace", replacedOn: ["metadata.name", "a", "b"], updatedOn: ["metadata.labels.team", "a", "b"], source: "K8S: metadata.name is immutable; labels in place" },
  { type: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", replacedOn: ["roleRef.name", "a", "b"], updatedOn: ["subjects[0].name", "a", "b"], source: "K8S RBAC: roleRef cannot change after creation; subjects in place" },
  { type: "kubernetes:batch/v1:CronJob", replacedOn: ["metadata.namespace", "a", "b"], updatedOn: ["spec.schedule", "0 * * * *", "5 * * * *"], source: "K8S: metadata.namespace is immutable; spec.schedule in place" },
];

function withPath(path: string, value: unknown): Record<string, unknown> {
  const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  const root: Record<string, unknown> = {};
  let at: Record<string, unknown> = root;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) at[k] = value;
    else {
      const next = /^\d+$/.test(keys[i + 1]!) ? [] : {};
      at[k] = next;
      at = next as Record<string, unknown>;
    }
  });
  return root;
}

describe("replacements match what the providers document", () => {
  it("covers every stateful type with a documented case", () => {
    expect(DOCUMENTED.length).toBeGreaterThan(0);
    const documented = new Set(DOCUMENTED.map((d) => d.type));
    const stateful = [...STATEFUL_TYPES].filter((t) => t.startsWith("aws:"));
    expect(stateful.length).toBeGreaterThan(0);
    expect(stateful.filter((t) => !documented.has(t))).toEqual([]);
  });

  it.each(DOCUMENTED.map((d) => [d.type, d.replacedOn[0], d.source, d] as const))("%s is replaced when %s changes (%s)", (type, _p, _s, d) => {
    const [path, before, after] = d.replacedOn;
    const r = (v: unknown) => resource(type, "x", withPath(path, v));
    const diff = diffStack(STACK, manifest([r(before)]), manifest([r(after)]));
    expect(diff.changes).toEqual([expect.objectContaining({ kind: "replace" })]);
    expect(diff.changes[0]!.replaceReasons.length).toBeGreaterThan(0);
  });

  it.each(DOCUMENTED.map((d) => [d.type, d.updatedOn[0], d] as const))("%s is updated in place when %s changes", (type, _p, d) => {
    const [path, before, after] = d.updatedOn;
    const r = (v: unknown) => resource(type, "x", withPath(path, v));
    expect(diffStack(STACK, manifest([r(before)]), manifest([r(after)])).changes).toEqual([expect.objectContaining({ kind: "update", replaceReasons: [] })]);
  });

  it("does not take a prefix of a property for the property", () => {
    expect(forcesReplacement("aws:s3/bucket:Bucket", "bucketRegionalDomainName")).toBe(false);
    expect(forcesReplacement("kubernetes:batch/v1:CronJob", "metadata.labels.app")).toBe(false);
  });
});

describe("arrays whose order means nothing (IAM policy elements, tag lists) are compared as sets or keyed lists", () => {
  const ROLE = (name: string) => `arn:aws:iam::111111111111:role/fx-dev-${name}-consumer`;
  const keyPolicy = (consumers: string[], extra: Record<string, unknown>[] = []) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        ...extra,
        { Sid: "AllowAccountAdmin", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" },
        { Sid: "ConsumersDecrypt", Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*", Condition: { ArnLike: { "aws:PrincipalArn": consumers } } },
      ],
    });
  const key = (policy: string) => resource("aws:kms/key:Key", "sales-key", { description: "d", policy });
  const changesOf = (a: string, b: string) => diffStack(STACK, manifest([key(a)]), manifest([key(b)])).changes[0]?.changes ?? [];

  it("one consumer added to a key policy reads as one added entry, not as a swap", () => {
    const before = keyPolicy([ROLE("recommendations")]);
    const after = keyPolicy([ROLE("customer-profile"), ROLE("recommendations")]);
    expect(changesOf(before, after)).toEqual([{ path: "policy.Statement[Sid=ConsumersDecrypt].Condition.ArnLike.aws:PrincipalArn[+]", new: ROLE("customer-profile") }]);
  });

  it("a statement inserted first is one added statement; the others are unchanged", () => {
    const extra = { Sid: "AllowLogs", Effect: "Allow", Principal: { Service: "logs.eu-west-1.amazonaws.com" }, Action: ["kms:Encrypt"], Resource: "*" };
    const changes = changesOf(keyPolicy([ROLE("a")]), keyPolicy([ROLE("a")], [extra]));
    expect(changes).toEqual([{ path: "policy.Statement[Sid=AllowLogs]", new: extra }]);
  });

  it("reordered actions, resources and principals are no change", () => {
    const p = (actions: string[], principals: string[]) => JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: actions, Resource: ["arn:aws:s3:::a", "arn:aws:s3:::a/*"] }] });
    expect(changesOf(p(["s3:GetObject", "s3:ListBucket"], [ROLE("a"), ROLE("b")]), p(["s3:ListBucket", "s3:GetObject"], [ROLE("b"), ROLE("a")]))).toEqual([]);
  });

  it("a single value growing into a list (IAM allows both) reads as one added entry", () => {
    const p = (principal: string | string[]) => JSON.stringify({ Statement: [{ Sid: "S", Effect: "Allow", Principal: { AWS: principal }, Action: "sqs:SendMessage", Resource: "*" }] });
    expect(changesOf(p(ROLE("a")), p([ROLE("a"), ROLE("b")]))).toEqual([{ path: "policy.Statement[Sid=S].Principal.AWS[+]", new: ROLE("b") }]);
  });

  it("statements without a Sid: an inserted one is one added statement", () => {
    const s1 = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": ["false"] } } };
    const s2 = { Effect: "Allow", Principal: { AWS: ROLE("a") }, Action: "s3:GetObject", Resource: "*" };
    const changes = changesOf(JSON.stringify({ Statement: [s1] }), JSON.stringify({ Statement: [s2, s1] }));
    expect(changes).toEqual([{ path: "policy.Statement[+]", new: s2 }]);
  });

  it("tag lists are keyed by their key", () => {
    const tagged = (tags: { key: string; value: string }[]) => resource("aws:lakeformation/resourceLfTags:ResourceLfTags", "t", { lfTags: tags });
    const d = diffStack(STACK, manifest([tagged([{ key: "domain", value: "sales" }])]), manifest([tagged([{ key: "classification", value: "pii" }, { key: "domain", value: "sales" }])]));
    expect(d.changes[0]!.changes).toEqual([{ path: "lfTags[key=classification]", new: { key: "classification", value: "pii" } }]);
  });

  it("arrays whose order matters stay positional", () => {
    const lc = (ids: string[]) => resource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "l", { bucket: "b", rules: ids.map((id) => ({ id, status: "Enabled" })) });
    const d = diffStack(STACK, manifest([lc(["a", "b"])]), manifest([lc(["b", "a"])]));
    expect(d.changes[0]!.changes.map((c) => c.path)).toEqual(["rules[0].id", "rules[1].id"]);
  });
});

describe("showValue (the full report)", () => {
  it("masks secrets whatever their digest", () => {
    expect(showValue("[secret:0123abcd]")).toBe("[secret]");
    expect(showValue("[secret]")).toBe("[secret]");
  });
  it("never cuts a value", () => {
    expect(showValue("x".repeat(500))).toBe(JSON.stringify("x".repeat(500)));
  });
});
