import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { mesh } from "../helpers/cli";
import { copyMeshRoot, REPO, setYaml } from "../helpers/fixture";

// Scenarios on copies of the e-commerce mesh: customers/customer-profile bumps customers@1 to @2 while
// orders/order-events, orders/fraud-screening and recommendations/product-recommendations read @1 (their product.yaml
// files).
const PROFILE = "domains/customers/products/customer-profile";

/** Bumps the profile contract to 2.0.0; with `keep`, serves 1.x beside it as deprecated with these dates. */
function bump(keep?: { endOfSupport: string; endOfLife: string }): string {
  const root = copyMeshRoot(REPO);
  if (keep) {
    copyFileSync(join(root, PROFILE, "contract.odcs.yaml"), join(root, PROFILE, "contract.v1.odcs.yaml"));
    setYaml(root, `${PROFILE}/contract.v1.odcs.yaml`, ["status"], "deprecated");
    const sla = ["slaProperties"]; // four entries: latency, frequency, retention, availability
    setYaml(root, `${PROFILE}/contract.v1.odcs.yaml`, [...sla, 4], { property: "endOfSupport", value: keep.endOfSupport });
    setYaml(root, `${PROFILE}/contract.v1.odcs.yaml`, [...sla, 5], { property: "endOfLife", value: keep.endOfLife });
  }
  setYaml(root, `${PROFILE}/contract.odcs.yaml`, ["version"], "2.0.0");
  // The breaking change that justifies the major: segment is renamed.
  setYaml(root, `${PROFILE}/contract.odcs.yaml`, ["schema", 0, "properties", 3, "name"], "lifecycle_segment");
  return root;
}

const manifest = (out: string, stack: string) => JSON.parse(readFileSync(join(out, "plan", `${stack}.json`), "utf8")) as StackManifest;

describe("a major bump that drops the old major while consumers read it", () => {
  const root = bump();
  const run = mesh(["plan", "--root", root, "--out", mkdtempSync(join(tmpdir(), "versions-")), "--stack", "customers-dev", "--today", "2027-01-01"]);

  it("exits 3 and names every consumer still on it, with owners, contacts and the fields they read", () => {
    expect(run.stderr).toMatch(/blocking item/);
    expect(run.status).toBe(3);
    const line = run.stdout.split("\n").find((l) => l.includes("no longer serves"))!;
    expect(line).toContain("CONTRACT VERSION customers/customer-profile/customers@1: customers/customer-profile no longer serves customers@1 (it serves customers@2) but 3 declared consumer(s) still read it");
    expect(line).toContain("orders/fraud-screening (owners sofia.marino@shopwave.example; contact order-management@shopwave.example, #order-data) reads [customer_id, segment]");
    expect(line).toContain("orders/order-events (owners sofia.marino@shopwave.example; contact order-management@shopwave.example, #order-data) reads [customer_id, segment]");
    expect(line).toContain("recommendations/product-recommendations (owners maya.lindqvist@shopwave.example; contact personalisation@shopwave.example, #personalisation) reads [customer_id, segment, marketing_consent]");
  });
});

describe("a major bump that keeps the old major side by side", () => {
  const root = bump({ endOfSupport: "2027-03-31", endOfLife: "2027-06-30" });
  const out = mkdtempSync(join(tmpdir(), "versions-"));
  const before = mesh(["plan", "--root", root, "--out", out, "--stack", "customers-dev", "recommendations-dev", "--today", "2027-06-01", "--base", REPO, "--format", "json"]);

  it("exits 0 and plans both majors, each with its own table, prefix, grants and monitor", () => {
    expect(before.stderr).toBe("");
    expect(before.status).toBe(0);
    const resources = manifest(out, "customers-dev").resources;
    // customers-dev also holds customers/identity-verification (verifications_v1); these are the profile's tables.
    const tables = resources.filter((r) => r.type === "aws:glue/catalogTable:CatalogTable" && r.name.startsWith("customers-customer-profile-"));
    expect(resources.filter((r) => r.type === "aws:glue/catalogTable:CatalogTable").map((t) => t.name).sort()).toEqual(["customers-customer-profile-customers-v1", "customers-customer-profile-customers-v2", "customers-identity-verification-verifications-v1"]);
    expect(tables.map((t) => [t.name, t.inputs.name, (t.inputs.storageDescriptor as { location: string }).location]).sort()).toEqual([
      ["customers-customer-profile-customers-v1", "customers_v1", "s3://shopwave-dev-customers-customer-profile/customers/v1/"],
      ["customers-customer-profile-customers-v2", "customers_v2", "s3://shopwave-dev-customers-customer-profile/customers/v2/"],
    ]);
    const v2 = tables.find((t) => t.inputs.name === "customers_v2")!;
    expect((v2.inputs.storageDescriptor as { columns: { name: string }[] }).columns.map((c) => c.name)).toContain("lifecycle_segment");
    // Consumers still on @1 get their column grants on customers_v1.
    const grants = resources.filter((r) => r.type === "aws:lakeformation/permissions:Permissions" && r.name.startsWith("customers-customer-profile-read-"));
    expect(grants.map((g) => [g.name, (g.inputs.tableWithColumns as { name: string }).name]).sort()).toEqual([
      ["customers-customer-profile-read-customers-orders--fraud-screening", "customers_v1"],
      ["customers-customer-profile-read-customers-orders--order-events", "customers_v1"],
      ["customers-customer-profile-read-customers-recommendations--product-recommendations", "customers_v1"],
    ]);
    const alarm = resources.find((r) => r.name === "customers-customer-profile-customers-v1-freshness")!;
    expect(alarm.inputs.dimensions).toEqual({ Domain: "customers", Product: "customer-profile", Port: "customers", Major: "1" });
  });

  it("creates the new major and keeps every resource of the old one (no data loss against the base)", () => {
    const report = JSON.parse(before.stdout) as { diff: { dataLoss: unknown[]; stacks: { stack: string; changes: { kind: string; name: string; type: string; stateful: boolean }[] } [] } };
    expect(report.diff.dataLoss).toEqual([]);
    const customers = report.diff.stacks.find((s) => s.stack === "customers-dev")!;
    expect(customers.changes.filter((c) => c.kind === "delete")).toEqual([]);
    // The only replacement is the quality runner's rules ConfigMap, which now lists both majors: pulumi-kubernetes
    // replaces a ConfigMap whose data changes (pulumi/pulumi-kubernetes#1567). It holds no data.
    expect(customers.changes.filter((c) => c.kind === "replace").map((c) => [c.type, c.name, c.stateful])).toEqual([
      ["kubernetes:core/v1:ConfigMap", "customers-customer-profile-quality-rules", false],
    ]);
    expect(customers.changes.filter((c) => c.kind === "create").map((c) => c.name)).toContain("customers-customer-profile-customers-v2");
  });

  it("warns every consumer on the deprecated major with the days left before its end of life", () => {
    const report = JSON.parse(before.stdout) as { findings: { level: string; kind: string; owner: { domain: string; product: string }; reason: string }[] };
    // orders/order-lines also gets one, for the example's own deprecated product-catalog products@1.
    const warnings = report.findings.filter((v) => v.level === "warning" && v.kind === "deprecation" && v.reason.includes("reads customers/customer-profile/customers@1"));
    expect(warnings.map((w) => `${w.owner.domain}/${w.owner.product}`).sort()).toEqual(["orders/fraud-screening", "orders/order-events", "recommendations/product-recommendations"]);
    // 2027-06-01 → 2027-06-30: 29 days.
    expect(warnings[0]!.reason).toMatch(/reads customers\/customer-profile\/customers@1, which is deprecated and reaches its end of life on 2027-06-30 \(29 day\(s\) left\), unsupported since 2027-03-31: move to customers@2 \(ask customers\/customer-profile \(owners amira.haddad@shopwave.example; contact customer-data@shopwave.example, #customer-data\)\)/);
  });

  it("blocks the day after the end of life, naming each consumer still on it", () => {
    const after = mesh(["plan", "--root", root, "--out", mkdtempSync(join(tmpdir(), "versions-")), "--stack", "customers-dev", "--today", "2027-07-01"]);
    expect(after.status).toBe(3);
    const blocked = after.stdout.slice(after.stdout.indexOf("BLOCKED")).split("\n").filter((l) => l.includes("reached its end of life"));
    expect(blocked).toHaveLength(3);
    expect(blocked.join("\n")).toMatch(/DEPRECATION customers\/customer-profile\/customers@1: orders\/order-events reads customers\/customer-profile\/customers@1, which is deprecated and reached its end of life on 2027-06-30 \(1 day\(s\) ago\)/);
  });

  it("on the end-of-life day itself still only warns", () => {
    const onTheDay = mesh(["plan", "--root", root, "--out", mkdtempSync(join(tmpdir(), "versions-")), "--stack", "customers-dev", "--today", "2027-06-30"]);
    expect(onTheDay.status).toBe(0);
    expect(onTheDay.stdout).toMatch(/^ {2}DEPRECATION customers\/customer-profile\/customers@1: .*\(0 day\(s\) left\)/m);
  });
});
