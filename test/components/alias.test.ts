import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { aliasUrns } from "../../cli/src/diff/alias-urns";
import { diffStack } from "../../cli/src/diff/stack-diff";
import { showValue } from "../../cli/src/diff/input-diff";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { recordingRuntime, settle } from "../helpers/mock-runtime";

// Records a "before" and an "after" program with the real SDK, so the alias specs are the ones Pulumi sends.
async function record(program: () => void): Promise<StackManifest> {
  const monitor = recordingRuntime("sales-dev");
  program();
  await settle();
  return { stack: "sales-dev", project: "mesh", domain: "sales", env: "dev", blueprintVersion: "1.0.0", resources: monitor.resources };
}

class Parent extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("mesh:blueprint:Domain", name, {}, opts);
  }
}

describe("aliases recorded from the SDK", () => {
  it("compute the old URN of a resource renamed inside a component, so the rename is not a deletion", async () => {
    const before = await record(() => {
      const parent = new Parent("sales");
      new aws.s3.Bucket("sales-orders-bucket", { bucket: "fx-dev-sales-orders" }, { parent, protect: true });
    });
    const after = await record(() => {
      const parent = new Parent("sales");
      new aws.s3.Bucket("sales-orders-data", { bucket: "fx-dev-sales-orders" }, { parent, protect: true, aliases: [{ name: "sales-orders-bucket" }] });
    });
    const renamed = after.resources.find((r) => r.name === "sales-orders-data")!;
    const original = before.resources.find((r) => r.name === "sales-orders-bucket")!;
    expect(aliasUrns(renamed)).toContain(original.urn);
    const diff = diffStack("sales-dev", before, after);
    expect(diff.counts).toMatchObject({ create: 0, delete: 0, rename: 1 });
  });

  it("follow a resource moved to another parent", async () => {
    const before = await record(() => {
      new aws.sns.Topic("alerts", { name: "fx-dev-sales-alerts" });
    });
    const after = await record(() => {
      const parent = new Parent("sales-moved");
      new aws.sns.Topic("alerts", { name: "fx-dev-sales-alerts" }, { parent, aliases: [{ parent: pulumi.rootStackResource }] });
    });
    expect(diffStack("sales-dev", before, after).counts).toMatchObject({ create: 1, delete: 0, rename: 1 });
  });

  it("mask secrets in manifests yet show that one changed", async () => {
    process.env.MESH_SECRET_KEY = "test-key";
    const withSecret = (value: string) => record(() => {
      new aws.sns.TopicSubscription("hook", { topic: "arn:aws:sns:eu-west-1:111111111111:t", protocol: "https", endpoint: pulumi.secret(value) });
    });
    const before = await withSecret("https://hooks.example.com/one");
    const after = await withSecret("https://hooks.example.com/two");
    const endpoint = before.resources[0]!.inputs.endpoint as string;
    expect(endpoint).toMatch(/^\[secret:[0-9a-f]{16}\]$/);
    expect(JSON.stringify(before)).not.toContain("hooks.example.com");
    const diff = diffStack("sales-dev", before, after);
    expect(diff.changes).toEqual([expect.objectContaining({ kind: "replace", replaceReasons: ["endpoint"] })]);
    expect(showValue(diff.changes[0]!.changes[0]!.new)).toBe("[secret]");
  });
});
