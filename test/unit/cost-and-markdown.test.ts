import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanFinding } from "../../cli/src/findings/model";
import { renderText } from "../../cli/src/report/text";
import { describe, expect, it } from "vitest";
import { PRICES } from "../../components/src/pricing/prices";
import { stackCost } from "../../cli/src/diff/cost";
import type { Comparison } from "../../cli/src/diff/compare";
import type { StackDiff } from "../../cli/src/diff/stack-diff";
import type { ManifestResource, StackManifest } from "../../cli/src/plan/manifest";
import { PR_COMMENT_LIMIT, renderMarkdown } from "../../cli/src/report/markdown";
import type { PlanReport } from "../../cli/src/report/model";
import type { StackSummary } from "../../cli/src/plan/summary";

const root = "urn:pulumi:s::mesh::mesh:blueprint:Domain::sales";
const product = "urn:pulumi:s::mesh::mesh:blueprint:Domain$mesh:blueprint:DataProduct::sales-orders";
function r(type: string, name: string, parent: string, inputs: Record<string, unknown> = {}): ManifestResource {
  return { urn: `${parent}$${type}::${name}`, type, name, custom: true, parent, dependsOn: [], protect: false, retainOnDelete: false, aliases: [], inputs };
}

describe("cost per data product", () => {
  // The shape of one domain with one product, as the blueprint declares it.
  const manifest: StackManifest = {
    stack: "sales-dev", project: "mesh", domain: "sales", env: "dev", blueprintVersion: "1.0.0",
    resources: [
      { ...r("mesh:blueprint:Domain", "sales", ""), urn: root, parent: undefined },
      { ...r("mesh:blueprint:DataProduct", "sales-orders", root, { product: "orders" }), urn: product },
      r("aws:kms/key:Key", "sales-key", root),
      r("aws:cloudwatch/dashboard:Dashboard", "sales-dashboard", root),
      r("aws:athena/workgroup:Workgroup", "sales-workgroup", root),
      r("aws:s3/bucket:Bucket", "sales-orders-bucket", product),
      r("aws:cloudwatch/metricAlarm:MetricAlarm", "sales-orders-freshness", product, { namespace: "DataMesh", metricName: "RowsPublished", dimensions: { Product: "orders" } }),
      r("aws:cloudwatch/metricAlarm:MetricAlarm", "sales-orders-quality", product, { namespace: "DataMesh", metricName: "QualityChecksFailed", dimensions: { Product: "orders" } }),
    ],
  };

  it("prices a product's alarms and the metrics they watch, and the domain's key and dashboard", () => {
    // 2 alarms x $0.10 + 2 custom metrics x $0.30 for the product; key $1 + dashboard $3 for the domain.
    expect(stackCost(manifest)).toEqual({ stack: "sales-dev", domain: "sales", products: { orders: 0.8 }, shared: 4, total: 4.8 });
  });

  it("counts a metric once even when two alarms watch it", () => {
    const twice = { ...manifest, resources: [...manifest.resources, r("aws:cloudwatch/metricAlarm:MetricAlarm", "sales-orders-freshness-2", product, { namespace: "DataMesh", metricName: "RowsPublished", dimensions: { Product: "orders" } })] };
    expect(stackCost(twice).products.orders).toBe(0.9);
  });

  it("applies mesh.yaml price overrides", () => {
    expect(stackCost(manifest, { "aws:kms/key:Key": 3, "custom-metric": 0 }).total).toBe(6.2);
  });

  it("keeps a source and a date with every price", () => {
    expect(Object.keys(PRICES).length).toBeGreaterThan(0);
    for (const [type, price] of Object.entries(PRICES)) {
      expect(price.source, type).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(price.asOf, type).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("the PR comment", () => {
  function bigReport(stacks: number, changesPerStack: number): PlanReport {
    const diffs: StackDiff[] = Array.from({ length: stacks }, (_, i) => ({
      stack: `domain-${i}-dev`, domain: `domain-${i}`, env: "dev", renames: [],
      counts: { create: changesPerStack, update: 0, replace: 0, delete: 0, rename: 0, same: 0 },
      changes: Array.from({ length: changesPerStack }, (_, k) => ({ kind: "create" as const, urn: `urn:pulumi:x::mesh::t::r${k}`, type: "aws:s3/bucket:Bucket", name: `domain-${i}-product-${k}-bucket`, changes: [], replaceReasons: [], stateful: true })),
    }));
    const summaries: StackSummary[] = diffs.map((d) => ({ stack: d.stack, domain: d.domain, env: "dev", products: [], pendingAccess: [], resources: 20, protectedResources: 2, byType: {}, millis: 1, findings: [], cost: { stack: d.stack, domain: d.domain, products: {}, shared: 4, total: 4 } }));
    const loss: PlanFinding = { level: "blocking", kind: "data-loss", rule: "stateful-delete", owner: { domain: "domain-7" }, subject: { stack: "domain-7-dev", urn: "urn:pulumi:x::mesh::t::orders-bucket" }, reason: "deletes aws:s3/bucket:Bucket, which holds data", action: "keep it" };
    const comparison: Comparison = { base: "main", stacks: diffs, totals: { create: stacks * changesPerStack, update: 0, replace: 0, delete: 0, rename: 0, same: 0 }, dataLoss: [], costs: [] };
    return {
      summary: { root: "/mesh", blueprintVersion: "1.0.0", stacks: summaries, totals: { stacks, resources: stacks * 20, protectedResources: 0, products: 0, monthlyCostUsd: stacks * 4 } },
      outDir: "out/plan",
      comparison,
      findings: [loss],
      blocking: [loss],
    };
  }

  it("stays within GitHub's 65,536 characters and points to the full JSON", () => {
    const md = renderMarkdown(bigReport(400, 60), "out/plan/diff.json");
    expect(md.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(md).toMatch(/stack\(s\) with changes are not detailed here/);
    expect(md.trimEnd().endsWith("Full plan: `out/plan/diff.json`")).toBe(true);
  });

  it("puts blocking items first", () => {
    const md = renderMarkdown(bigReport(3, 2), "out/plan/diff.json");
    expect(md.indexOf("Blocked")).toBeGreaterThan(0);
    expect(md.indexOf("Blocked")).toBeLessThan(md.indexOf("| stack |"));
    expect(md).toContain("**Data loss** `domain-7-dev` `orders-bucket`");
  });

  it("details every stack when they fit, collapsed", () => {
    const md = renderMarkdown(bigReport(3, 2), "out/plan/diff.json");
    expect(md.match(/<details>/g)).toHaveLength(3);
    expect(md).not.toMatch(/not detailed here/);
  });

  it("respects a smaller limit too", () => {
    expect(renderMarkdown(bigReport(50, 10), "x.json", 5000).length).toBeLessThanOrEqual(5000);
  });
});

describe("long values: the full report never cuts, the PR comment says where the whole value is", () => {
  const longPolicy = JSON.stringify({ Statement: [{ Sid: "ConsumersRead", Effect: "Allow", Principal: { AWS: Array.from({ length: 12 }, (_, i) => `arn:aws:iam::111111111111:role/fx-dev-consumer-${i}`) }, Action: "kms:Decrypt", Resource: "*" }] });
  const change = { kind: "update" as const, urn: "urn:pulumi:s::mesh::aws:kms/key:Key::sales-key", type: "aws:kms/key:Key", name: "sales-key", changes: [{ path: "policy.Statement[Sid=ConsumersRead]", old: undefined, new: JSON.parse(longPolicy).Statement[0] }], replaceReasons: [], stateful: true };
  const report: PlanReport = {
    summary: { root: "/mesh", blueprintVersion: "1.0.0", stacks: [], totals: { stacks: 0, resources: 0, protectedResources: 0, products: 0, monthlyCostUsd: 0 } },
    outDir: "out/plan",
    comparison: { base: "main", stacks: [{ stack: "sales-dev", domain: "sales", env: "dev", renames: [], changes: [change], counts: { create: 0, update: 1, replace: 0, delete: 0, rename: 0, same: 0 } }], totals: { create: 0, update: 1, replace: 0, delete: 0, rename: 0, same: 0 }, dataLoss: [], costs: [] },
    findings: [],
    blocking: [],
  };
  const whole = JSON.stringify(change.changes[0]!.new);

  it("the text report shows the whole value", () => {
    expect(whole.length).toBeGreaterThan(400);
    expect(renderText(report)).toContain(whole);
  });

  it("the PR comment cuts it and names the CI artifact that holds it, not a path on the runner", () => {
    const md = renderMarkdown(report, { file: "diff.json", artifact: "mesh-plan-pr-42" });
    expect(md).not.toContain(whole);
    expect(md).toContain("…");
    expect(md).toContain("_Values cut with … and inputs not listed here are in full in `diff.json` in the workflow run's artifact `mesh-plan-pr-42`._");
    expect(md.trimEnd().endsWith("Full plan: `diff.json` in the workflow run's artifact `mesh-plan-pr-42`")).toBe(true);
    expect(md).not.toMatch(/\/home\/runner|\/tmp\//);
  });

  it("the artifact name is the one the pull-request workflow uploads", () => {
    const workflow = readFileSync(join(__dirname, "..", "..", ".github", "workflows", "pr.yml"), "utf8");
    expect(workflow).toContain("MESH_PLAN_ARTIFACT: mesh-plan-pr-${{ github.event.pull_request.number }}");
    expect(workflow).toMatch(/upload-artifact@v4\n\s+with:\n\s+name: mesh-plan-pr-\$\{\{ github\.event\.pull_request\.number \}\}\n\s+path: \|\n\s+out\/plan\//);
  });
});
