import { beforeAll, describe, expect, it } from "vitest";
import type { ManifestResource } from "../../cli/src/plan/manifest";
import { one, policyOf, recordingRuntime, settle } from "../helpers/mock-runtime";
import { MINI } from "../helpers/fixture";
import { STATEFUL_TYPES } from "../../components/policies/helpers/types";

// Several stacks' components declared side by side under different component names: the double opt-in to destroy
// in every combination, a PHI product without Kubernetes, and the platform stack.
let resources: ManifestResource[];
// The one list of what holds data (shared with the diff's gate and the governance rules).
const STATEFUL: readonly string[] = STATEFUL_TYPES;

beforeAll(async () => {
  const recorder = await recordingRuntime("tests");
  const { loadMesh, resolveDomainStack, resolvePlatformStack, Domain, Platform } = await import("../../components/src");
  const mesh = loadMesh(MINI);
  const salesDev = resolveDomainStack(mesh, "sales", "dev");
  const salesProd = resolveDomainStack(mesh, "sales", "prod");
  new Domain("dev-flag", { spec: salesDev, allowDestroy: true });
  new Domain("dev-noflag", { spec: salesDev, allowDestroy: false });
  new Domain("prod-flag", { spec: { ...salesProd, allowDestroy: true }, allowDestroy: true });
  new Domain("clinic", { spec: resolveDomainStack(mesh, "clinic", "dev") });
  new Platform("platform", { spec: resolvePlatformStack(mesh, "dev") });
  await settle();
  resources = recorder.resources;
});

const statefulOf = (component: string) => resources.filter((r) => STATEFUL.includes(r.type) && r.name.startsWith(`${component}-`));

describe("double opt-in to destroy", () => {
  it("unprotects stateful resources only when domain.yaml and the deployer both opt in", () => {
    expect(statefulOf("dev-flag").length).toBeGreaterThan(4);
    for (const r of statefulOf("dev-flag")) expect([r.protect, r.retainOnDelete], r.urn).toEqual([false, false]);
  });

  it("keeps them protected when the deployer did not pass the flag", () => {
    expect(statefulOf("dev-noflag").length).toBeGreaterThan(4);
    for (const r of statefulOf("dev-noflag")) expect([r.protect, r.retainOnDelete], r.urn).toEqual([true, true]);
  });

  it("never unprotects production, even with both flags", () => {
    expect(statefulOf("prod-flag").length).toBeGreaterThan(4);
    for (const r of statefulOf("prod-flag")) expect([r.protect, r.retainOnDelete], r.urn).toEqual([true, true]);
  });

  it("pins the production domain to the production account", () => {
    const provider = one(resources, "pulumi:providers:aws", "prod-flag-aws");
    expect(provider.inputs.allowedAccountIds).toBe('["222222222222"]');
    expect(one(resources, "aws:kms/key:Key", "prod-flag-key").arn).toMatch(/^arn:aws:kms:eu-west-1:222222222222:key\//);
  });
});

describe("PHI product without Kubernetes", () => {
  it("locks objects for the contract retention in governance mode", () => {
    const bucket = one(resources, "aws:s3/bucket:Bucket", "clinic-visits-bucket");
    expect(bucket.inputs.objectLockEnabled).toBe(true);
    const lock = one(resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "clinic-visits-bucket-object-lock");
    expect(lock.inputs.rule).toEqual({ defaultRetention: { mode: "GOVERNANCE", days: 2555 } });
  });

  it("keeps noncurrent versions a year for restricted data", () => {
    const lifecycle = one(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "clinic-visits-bucket-lifecycle");
    expect((lifecycle.inputs.rules as any[])[0].noncurrentVersionExpiration).toEqual({ noncurrentDays: 365 });
  });

  it("tags the table phi and maps arrays", () => {
    const table = one(resources, "aws:glue/catalogTable:CatalogTable", "clinic-visits-visits-v1");
    expect((table.inputs.storageDescriptor as any).columns.map((c: any) => c.type)).toEqual(["string", "string", "array<varchar(8)>"]);
    expect(one(resources, "aws:lakeformation/resourceLfTags:ResourceLfTags", "clinic-visits-visits-v1-lf-tags").inputs.lfTags).toContainEqual({ key: "sensitivity", value: "phi" });
  });

  it("runs its pipeline as a Glue job role, and declares no Kubernetes objects", () => {
    const trust = policyOf(one(resources, "aws:iam/role:Role", "clinic-visits-producer"), "assumeRolePolicy").Statement[0]!;
    expect(trust).toMatchObject({ Principal: { Service: "glue.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } } });
    expect(resources.filter((r) => r.type.startsWith("kubernetes:") && r.name.startsWith("clinic-"))).toEqual([]);
  });

  it("grants nothing to a consumer whose request is still pending", () => {
    expect(resources.filter((r) => r.type === "aws:lakeformation/permissions:Permissions" && r.name.startsWith("clinic-") && r.name.includes("read-"))).toEqual([]);
    const bucketPolicy = policyOf(one(resources, "aws:s3/bucketPolicy:BucketPolicy", "clinic-visits-bucket-policy"));
    expect(bucketPolicy.Statement.filter((s) => s.Effect === "Allow")).toEqual([]);
  });
});

describe("platform stack", () => {
  it("makes Lake Formation the only gate and defines the LF-tags", () => {
    expect(one(resources, "aws:lakeformation/dataLakeSettings:DataLakeSettings", "platform-lake-formation").inputs).toMatchObject({
      admins: ["arn:aws:iam::111111111111:role/DataPlatformAdmin"],
      createDatabaseDefaultPermissions: [],
      createTableDefaultPermissions: [],
    });
    expect(one(resources, "aws:lakeformation/lfTag:LfTag", "platform-lf-tag-classification").inputs.values).toEqual(["public", "internal", "confidential", "restricted"]);
  });

  it("creates the access-log bucket every domain logs to, S3-managed encryption and log delivery allowed", () => {
    const bucket = one(resources, "aws:s3/bucket:Bucket", "platform-access-logs-111111111111-eu-west-1");
    expect(bucket.inputs.bucket).toBe("fx-dev-access-logs-111111111111-eu-west-1");
    expect(bucket.protect).toBe(true);
    const sse = one(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "platform-access-logs-111111111111-eu-west-1-encryption");
    expect(sse.inputs.rules).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
    const policy = policyOf(one(resources, "aws:s3/bucketPolicy:BucketPolicy", "platform-access-logs-111111111111-eu-west-1-policy"));
    expect(policy.Statement.find((s) => s.Sid === "S3ServerAccessLogDelivery")).toMatchObject({ Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject" });
    // HIPAA domains in the environment: logs are kept six years.
    const lifecycle = one(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "platform-access-logs-111111111111-eu-west-1-lifecycle");
    expect((lifecycle.inputs.rules as any[])[1].expiration).toEqual({ days: 2192 });
  });

  it("records every read and write of mesh data in a validated, encrypted, multi-region trail", () => {
    const trail = one(resources, "aws:cloudtrail/trail:Trail", "platform-data-audit");
    expect(trail.inputs).toMatchObject({ name: "fx-dev-data-audit", s3BucketName: "fx-dev-access-logs-111111111111-eu-west-1", isMultiRegionTrail: true, enableLogFileValidation: true });
    expect(trail.inputs.kmsKeyId).toMatch(/^arn:aws:kms:eu-west-1:111111111111:key\//);
    const data = (trail.inputs.advancedEventSelectors as any[]).find((s) => s.name === "Mesh data reads and writes");
    expect(data.fieldSelectors).toContainEqual({ field: "resources.ARN", startsWiths: ["arn:aws:s3:::fx-dev-"] });
    const policy = policyOf(one(resources, "aws:s3/bucketPolicy:BucketPolicy", "platform-access-logs-111111111111-eu-west-1-policy"));
    expect(policy.Statement.find((s) => s.Sid === "CloudTrailWrite")).toMatchObject({
      Resource: "arn:aws:s3:::fx-dev-access-logs-111111111111-eu-west-1/cloudtrail/AWSLogs/111111111111/*",
      Condition: { StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:111111111111:trail/fx-dev-data-audit" } },
    });
  });
});

describe("bucket events", () => {
  it("sends every bucket's object events to EventBridge", () => {
    const buckets = resources.filter((r) => r.type === "aws:s3/bucket:Bucket");
    const notifications = resources.filter((r) => r.type === "aws:s3/bucketNotification:BucketNotification");
    expect(buckets.length).toBeGreaterThan(0);
    expect(notifications).toHaveLength(buckets.length);
    for (const n of notifications) expect(n.inputs.eventbridge).toBe(true);
  });
});
