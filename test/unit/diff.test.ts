import { describe, expect, it } from "vitest";
import { diffStack, dataLoss } from "../../cli/src/diff/stack-diff";
import { forcesReplacement, REPLACE_ON_CHANGE, STATEFUL_TYPES } from "../../cli/src/diff/replace-table";
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

  it("diffs policy documents held in strings statement by statement", () => {
    const policy = (action: string) => JSON.stringify({ Statement: [{ Sid: "A", Action: action }] });
    const p = (a: string) => resource("aws:s3/bucketPolicy:BucketPolicy", "sales-orders-bucket-policy", { bucket: "b", policy: policy(a) });
    const d = diffStack(STACK, manifest([p("s3:GetObject")]), manifest([p("s3:PutObject")]));
    expect(d.changes[0]!.changes).toEqual([{ path: "policy.Statement[0].Action", old: "s3:GetObject", new: "s3:PutObject" }]);
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

describe("the replacement table", () => {
  it.each(Object.entries(REPLACE_ON_CHANGE))("%s is replaced when %j change", (type, props) => {
    for (const p of props) {
      expect(forcesReplacement(type, p)).toBe(true);
      expect(forcesReplacement(type, `${p}.nested`)).toBe(true);
    }
    expect(forcesReplacement(type, "tags")).toBe(false);
  });

  it("covers every stateful type and every type the blueprint declares", () => {
    for (const t of STATEFUL_TYPES) expect(REPLACE_ON_CHANGE[t]).toBeDefined();
  });

  it("does not take a prefix of a property for the property", () => {
    expect(forcesReplacement("aws:s3/bucket:Bucket", "bucketRegionalDomainName")).toBe(false);
    expect(forcesReplacement("kubernetes:batch/v1:CronJob", "metadata.labels.app")).toBe(false);
  });
});

describe("showValue", () => {
  it("masks secrets whatever their digest", () => {
    expect(showValue("[secret:0123abcd]")).toBe("[secret]");
    expect(showValue("[secret]")).toBe("[secret]");
  });
  it("cuts long values", () => {
    expect(showValue("x".repeat(500)).length).toBeLessThanOrEqual(120);
  });
});
