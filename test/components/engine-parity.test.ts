import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { dataLossItems } from "../../cli/src/diff/compare";
import { dataLoss, diffStack } from "../../cli/src/diff/stack-diff";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { recordingRuntime, settle } from "../helpers/mock-runtime";

// What the Pulumi engine does with a program, reproduced by the recorder and the diff. Each "before" and "after"
// is recorded from the real SDK, so the requests (alias specs, options) are the ones the engine would receive.
async function record(program: () => void): Promise<StackManifest> {
  const monitor = recordingRuntime("sales-dev");
  program();
  await settle();
  return { stack: "sales-dev", project: "mesh", domain: "sales", env: "dev", blueprintVersion: "1.0.0", resources: monitor.resources };
}

class Component extends pulumi.ComponentResource {
  constructor(type: string, name: string, opts?: pulumi.ComponentResourceOptions) {
    super(type, name, {}, opts);
  }
}

describe("aliases a child inherits from its parent (engine: step_generator.go generateAliases/inheritedChildAlias)", () => {
  const bucketUnder = (parent: pulumi.Resource, name: string) =>
    new aws.s3.Bucket(name, { bucket: "fx-dev-sales-orders" }, { parent, protect: true });

  it("a component type renamed with an alias keeps its children: no delete, no create, no data loss", async () => {
    const before = await record(() => bucketUnder(new Component("mesh:blueprint:Domain", "sales"), "sales-orders-bucket"));
    const after = await record(() => bucketUnder(new Component("mesh:blueprint:BusinessDomain", "sales", { aliases: [{ type: "mesh:blueprint:Domain" }] }), "sales-orders-bucket"));
    // The child's URN changed with its parent's type, and the child declares no alias of its own.
    expect(after.resources.find((r) => r.name === "sales-orders-bucket")!.urn).not.toBe(before.resources.find((r) => r.name === "sales-orders-bucket")!.urn);
    const diff = diffStack("sales-dev", before, after);
    expect(diff.counts).toMatchObject({ create: 0, delete: 0, rename: 2 });
    expect(dataLoss(diff)).toEqual([]);
  });

  it("a component renamed with an alias keeps children named after it (the parent's old name is swapped in)", async () => {
    const before = await record(() => bucketUnder(new Component("mesh:blueprint:Domain", "sales"), "sales-orders-bucket"));
    const after = await record(() => bucketUnder(new Component("mesh:blueprint:Domain", "retail", { aliases: [{ name: "sales" }] }), "retail-orders-bucket"));
    const diff = diffStack("sales-dev", before, after);
    expect(diff.counts).toMatchObject({ create: 0, delete: 0, rename: 2 });
  });

  it("a renamed component WITHOUT an alias still deletes its children (the engine would too)", async () => {
    const before = await record(() => bucketUnder(new Component("mesh:blueprint:Domain", "sales"), "sales-orders-bucket"));
    const after = await record(() => bucketUnder(new Component("mesh:blueprint:BusinessDomain", "sales"), "sales-orders-bucket"));
    const diff = diffStack("sales-dev", before, after);
    expect(diff.counts).toMatchObject({ create: 2, delete: 2 });
    expect(dataLoss(diff).map((c) => c.name)).toEqual(["sales-orders-bucket"]);
  });
});

describe("ConfigMap data (pulumi-kubernetes: replaced unless enableConfigMapMutable; immutable ones always)", () => {
  const configMap = (data: Record<string, string>, opts: pulumi.CustomResourceOptions = {}, immutable?: boolean) =>
    new k8s.core.v1.ConfigMap("sales-orders-config", { metadata: { name: "orders-config", namespace: "sales" }, data, ...(immutable === undefined ? {} : { immutable }) }, opts);

  it("a changed `data` under the default provider is a replacement", async () => {
    const before = await record(() => configMap({ a: "1" }));
    const after = await record(() => configMap({ a: "2" }));
    expect(diffStack("sales-dev", before, after).changes).toEqual([expect.objectContaining({ kind: "replace", replaceReasons: ["data.a"] })]);
  });

  it("is an update in place when the provider sets enableConfigMapMutable", async () => {
    const withProvider = (v: string) => record(() => configMap({ a: v }, { provider: new k8s.Provider("cluster", { enableConfigMapMutable: true }) }));
    const diff = diffStack("sales-dev", await withProvider("1"), await withProvider("2"));
    expect(diff.changes).toEqual([expect.objectContaining({ kind: "update", name: "sales-orders-config", replaceReasons: [] })]);
  });

  it("an immutable ConfigMap is replaced even when the provider allows mutation", async () => {
    const withProvider = (v: string) => record(() => configMap({ a: v }, { provider: new k8s.Provider("cluster", { enableConfigMapMutable: true }) }, true));
    const diff = diffStack("sales-dev", await withProvider("1"), await withProvider("2"));
    expect(diff.changes).toEqual([expect.objectContaining({ kind: "replace", replaceReasons: ["data.a"] })]);
  });
});

describe("resource options recorded in manifests and honoured by the diff", () => {
  const alarm = (threshold: number, tags: Record<string, string>, opts: pulumi.CustomResourceOptions = {}) =>
    new aws.cloudwatch.MetricAlarm("sales-orders-freshness", { name: "fx-dev-sales-orders-freshness", comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, threshold, tags }, opts);

  it("replaceOnChanges turns a change of an in-place input into a replacement", async () => {
    const opts = { replaceOnChanges: ["threshold"] };
    const before = await record(() => alarm(1, {}, opts));
    const after = await record(() => alarm(5, {}, opts));
    expect(after.resources[0]!.replaceOnChanges).toEqual(["threshold"]);
    expect(diffStack("sales-dev", before, after).changes).toEqual([expect.objectContaining({ kind: "replace", replaceReasons: ["threshold"] })]);
  });

  it("replaceOnChanges ['*'] replaces on any change", async () => {
    const opts = { replaceOnChanges: ["*"] };
    const diff = diffStack("sales-dev", await record(() => alarm(1, { a: "1" }, opts)), await record(() => alarm(1, { a: "2" }, opts)));
    expect(diff.changes[0]).toMatchObject({ kind: "replace", replaceReasons: ["tags.a"] });
  });

  it("ignoreChanges hides a change the engine would not apply", async () => {
    const opts = { ignoreChanges: ["tags"] };
    const before = await record(() => alarm(1, { a: "1" }, opts));
    const after = await record(() => alarm(1, { a: "2" }, opts));
    expect(after.resources[0]!.ignoreChanges).toEqual(["tags"]);
    expect(diffStack("sales-dev", before, after).changes).toEqual([]);
    // Without the option the same edit is an update.
    const plain = diffStack("sales-dev", await record(() => alarm(1, { a: "1" })), await record(() => alarm(1, { a: "2" })));
    expect(plain.changes).toEqual([expect.objectContaining({ kind: "update" })]);
  });

  it("deleteBeforeReplace is recorded and a replacement says the old resource goes first", async () => {
    const bucket = (name: string) => new aws.s3.Bucket("sales-orders-bucket", { bucket: name }, { protect: true, deleteBeforeReplace: true });
    const before = await record(() => bucket("fx-dev-sales-orders"));
    const after = await record(() => bucket("fx-dev-sales-orders-2"));
    expect(after.resources[0]!.deleteBeforeReplace).toBe(true);
    const diff = diffStack("sales-dev", before, after);
    expect(diff.changes[0]).toMatchObject({ kind: "replace", deleteFirst: true });
    expect(dataLossItems(diff, false)[0]!.message).toBe("replaces (bucket) aws:s3/bucket:Bucket, which holds data (deleteBeforeReplace: the old one goes first)");
  });

  it("options are absent from manifests of resources that do not set them", async () => {
    const m = await record(() => alarm(1, {}));
    expect(Object.keys(m.resources[0]!)).not.toEqual(expect.arrayContaining(["replaceOnChanges"]));
    expect(m.resources[0]).not.toHaveProperty("ignoreChanges");
    expect(m.resources[0]).not.toHaveProperty("deleteBeforeReplace");
  });
});

describe("duplicate URNs are refused, as the engine refuses them (diag 2001, 2008)", () => {
  it("the recorder refuses a second registration of a URN", async () => {
    const failures: unknown[] = [];
    const onRejection = (e: unknown) => failures.push(e);
    process.on("unhandledRejection", onRejection);
    try {
      await record(() => {
        new aws.sns.Topic("alerts", { name: "a" });
        new aws.sns.Topic("alerts", { name: "b" });
      });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
    expect(String(failures[0] ?? "")).toMatch(/Duplicate resource URN 'urn:pulumi:sales-dev::mesh::aws:sns\/topic:Topic::alerts'; try giving it a unique name/);
  });

  it("the diff refuses a manifest holding a URN twice", async () => {
    const m = await record(() => new aws.sns.Topic("alerts", { name: "a" }));
    const doubled = { ...m, resources: [...m.resources, ...m.resources] };
    expect(() => diffStack("sales-dev", m, doubled)).toThrow(/duplicate resource URN 'urn:pulumi:sales-dev::mesh::aws:sns\/topic:Topic::alerts'/);
  });

  it("the diff refuses two resources claiming one old resource through aliases", async () => {
    const before = await record(() => new aws.sns.Topic("alerts", { name: "a" }));
    const after = await record(() => {
      new aws.sns.Topic("alerts-a", { name: "a" }, { aliases: [{ name: "alerts" }] });
      new aws.sns.Topic("alerts-b", { name: "a" }, { aliases: [{ name: "alerts" }] });
    });
    expect(() => diffStack("sales-dev", before, after)).toThrow(/claims 'urn:pulumi:sales-dev::mesh::aws:sns\/topic:Topic::alerts' through an alias, but .* already does/);
  });
});
