import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { SNAPSHOT_FILE, baseSnapshot, snapshotFromRoot, snapshotOf } from "../../cli/src/contract-evolution/snapshot";
import { contractChangeFindings } from "../../cli/src/contract-evolution/source";
import type { PlanFinding } from "../../cli/src/findings/model";
import type { PlanSummary } from "../../cli/src/plan/summary";
import { setYaml } from "../helpers/fixture";
import { copyRootMesh } from "../helpers/root-mesh";

const CUSTOMERS = "domains/customers/products/customer-profile/contract.odcs.yaml";
const ORDER_EVENTS = "domains/orders/products/order-events/contract.odcs.yaml";
const RECS = "domains/recommendations/products/product-recommendations/product.yaml";

/** Index of a property in the customers object of the customer contract. */
function propIndex(root: string, file: string, name: string): number {
  const doc = parseDocument(readFileSync(join(root, file), "utf8")).toJS();
  return doc.schema[0].properties.findIndex((p: { name: string }) => p.name === name);
}

/** Findings of the head copy against the base copy (read from the base's files, as for an older base). */
function findingsOf(base: string | undefined, head: string): PlanFinding[] {
  const mesh = loadMesh(head, { missingInputFields: "record" });
  return contractChangeFindings({ mesh, summary: {} as PlanSummary, headDir: head, base: base ? { dir: mkdtempSync(join(tmpdir(), "base-out-")), label: "main", root: base } : undefined, today: "2026-11-30" });
}

function edited(edit: (root: string) => void): { base: string; head: string } {
  const base = copyRootMesh();
  const head = copyRootMesh();
  edit(head);
  return { base, head };
}

describe("consumer-driven verification of contract changes", () => {
  it("blocks removing a field recommendations reads, naming each reader, its owner and contact, and the field", () => {
    const { base, head } = edited((r) => setYaml(r, CUSTOMERS, ["schema", 0, "properties", propIndex(r, CUSTOMERS, "segment")], undefined));
    const findings = findingsOf(base, head);
    const removed = findings.filter((f) => f.rule === "field-removed");
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ level: "blocking", kind: "contract-change", subject: { contract: "customers/customer-profile/customers@1", path: "schema[customers].properties[segment]" } });
    // The declared readers of segment (product.yaml inputs of orders/fraud-screening, orders/order-events and
    // recommendations), with the owners of their domain.yaml.
    expect(removed[0]!.consumers).toEqual([
      { product: "orders/fraud-screening", owner: { domain: "orders", product: "fraud-screening", team: "order-management", contact: "order-management@shopwave.example" }, reliesOn: "field segment", hops: 1 },
      { product: "orders/order-events", owner: { domain: "orders", product: "order-events", team: "order-management", contact: "order-management@shopwave.example" }, reliesOn: "field segment", hops: 1 },
      { product: "recommendations/product-recommendations", owner: { domain: "recommendations", product: "product-recommendations", team: "personalisation", contact: "personalisation@shopwave.example" }, reliesOn: "field segment", hops: 1 },
    ]);
    // The consumers' reads of the missing field are explained by that one finding, not repeated.
    expect(findings.filter((f) => f.rule === "consumer-field-missing")).toEqual([]);
  });

  it("warns, without blocking, when the removed field has no declared reader", () => {
    const { base, head } = edited((r) => setYaml(r, CUSTOMERS, ["schema", 0, "properties", propIndex(r, CUSTOMERS, "lifetime_value_eur")], undefined));
    const findings = findingsOf(base, head);
    expect(findings.filter((f) => f.level === "blocking")).toEqual([]);
    const removed = findings.find((f) => f.rule === "field-removed")!;
    expect(removed.level).toBe("warning");
    expect(removed.reason).toMatch(/breaking, but for nobody today/);
    expect(removed.action).toMatch(/bump the version to 2\.0\.0/);
  });

  it("blocks a type change of a read field and a weaker freshness SLA, which every consumer of the contract relies on", () => {
    const { base, head } = edited((r) => {
      setYaml(r, CUSTOMERS, ["schema", 0, "properties", propIndex(r, CUSTOMERS, "marketing_consent"), "logicalType"], "string");
      setYaml(r, CUSTOMERS, ["slaProperties", 0, "value"], 6);
    });
    const findings = findingsOf(base, head);
    const type = findings.find((f) => f.rule === "logical-type-changed")!;
    expect(type).toMatchObject({ level: "blocking", old: "boolean", new: "string" });
    expect(type.consumers!.map((c) => c.product)).toEqual(["recommendations/product-recommendations"]);
    const sla = findings.find((f) => f.rule === "sla-latency-weakened")!;
    expect(sla).toMatchObject({ level: "blocking", old: "2 h", new: "6 h", subject: { contract: "customers/customer-profile@1" } });
    expect(sla.consumers!.map((c) => [c.product, c.reliesOn])).toEqual([
      ["orders/fraud-screening", "the latency SLA of 2 h"],
      ["orders/order-events", "the latency SLA of 2 h"],
      ["recommendations/product-recommendations", "the latency SLA of 2 h"],
    ]);
  });

  it("follows impact downstream through a declared derivation (transformSourceObjects)", () => {
    const { base, head } = edited((r) => {
      // orders/order-events publishes customer_segment, derived from the customer's segment; recommendations
      // reads that instead of segment itself.
      for (const root of [r]) {
        setYaml(root, ORDER_EVENTS, ["schema", 0, "properties", propIndex(root, ORDER_EVENTS, "customer_segment"), "transformSourceObjects"], ["customers/customer-profile/customers@1.segment"]);
        setYaml(root, RECS, ["inputs", 0, "fields"], ["customer_id", "customer_segment", "event_type", "items", "event_time", "event_date"]);
        setYaml(root, RECS, ["inputs", 1, "fields"], ["customer_id", "marketing_consent"]);
      }
    });
    // The base has the same derivation and reads; only the removal of segment differs.
    setYaml(base, ORDER_EVENTS, ["schema", 0, "properties", propIndex(base, ORDER_EVENTS, "customer_segment"), "transformSourceObjects"], ["customers/customer-profile/customers@1.segment"]);
    setYaml(head, CUSTOMERS, ["schema", 0, "properties", propIndex(head, CUSTOMERS, "segment")], undefined);
    const removed = findingsOf(base, head).find((f) => f.rule === "field-removed")!;
    expect(removed.level).toBe("blocking");
    expect(removed.consumers).toEqual([
      expect.objectContaining({ product: "orders/fraud-screening", hops: 1, reliesOn: "field segment" }),
      expect.objectContaining({ product: "orders/order-events", hops: 1, reliesOn: "field segment" }),
      expect.objectContaining({ product: "recommendations/product-recommendations", hops: 2, via: ["orders/order-events/order_events@1"], reliesOn: "customer_segment of orders/order-events/order_events@1" }),
    ]);
  });

  it("does not follow a derivation from another field", () => {
    const { base, head } = edited((r) => {
      setYaml(r, ORDER_EVENTS, ["schema", 0, "properties", propIndex(r, ORDER_EVENTS, "customer_segment"), "transformSourceObjects"], ["customers/customer-profile/customers.customer_id"]);
      setYaml(r, RECS, ["inputs", 1, "fields"], ["customer_id", "marketing_consent"]);
      setYaml(r, RECS, ["inputs", 0, "fields"], ["customer_id", "customer_segment", "event_type", "items", "event_time", "event_date"]);
    });
    setYaml(base, ORDER_EVENTS, ["schema", 0, "properties", propIndex(base, ORDER_EVENTS, "customer_segment"), "transformSourceObjects"], ["customers/customer-profile/customers.customer_id"]);
    setYaml(head, CUSTOMERS, ["schema", 0, "properties", propIndex(head, CUSTOMERS, "segment")], undefined);
    const removed = findingsOf(base, head).find((f) => f.rule === "field-removed")!;
    expect(removed.consumers!.map((c) => c.product)).toEqual(["orders/fraud-screening", "orders/order-events"]);
  });

  it("without a base, still blocks a consumer reading a field its port does not publish, naming it", () => {
    const { head } = edited((r) => setYaml(r, CUSTOMERS, ["schema", 0, "properties", propIndex(r, CUSTOMERS, "marketing_consent")], undefined));
    const findings = findingsOf(undefined, head);
    expect(findings).toEqual([
      expect.objectContaining({
        level: "blocking",
        rule: "consumer-field-missing",
        reason: "recommendations/product-recommendations reads marketing_consent, which customers/customer-profile/customers@1 does not publish",
        consumers: [expect.objectContaining({ product: "recommendations/product-recommendations", owner: expect.objectContaining({ team: "personalisation", contact: "personalisation@shopwave.example" }) })],
      }),
    ]);
  });
});

describe("version discipline", () => {
  it("warns when the content changed but the version did not, and not once the minor is raised", () => {
    const added = (r: string) => setYaml(r, CUSTOMERS, ["schema", 0, "properties", 8], { name: "tier", logicalType: "string", description: "Loyalty tier.", classification: "internal" });
    const same = edited(added);
    const findings = findingsOf(same.base, same.head);
    expect(findings.map((f) => [f.rule, f.level])).toEqual([
      ["field-added", "info"],
      ["version-unchanged", "warning"],
    ]);
    const bumped = edited((r) => {
      added(r);
      setYaml(r, CUSTOMERS, ["version"], "1.5.0");
    });
    expect(findingsOf(bumped.base, bumped.head).map((f) => f.rule)).toEqual(["field-added"]);
  });

  it("warns when the version goes down", () => {
    const { base, head } = edited((r) => setYaml(r, CUSTOMERS, ["version"], "1.3.0"));
    expect(findingsOf(base, head).map((f) => [f.rule, f.level])).toEqual([["version-lowered", "warning"]]);
  });

  it("reports nothing for an unchanged mesh", () => {
    const { base, head } = edited(() => undefined);
    expect(findingsOf(base, head)).toEqual([]);
  });
});

describe("the base's contracts", () => {
  it("reads the same from a plan's contracts.json as from the mesh root's files (a base planned by older code)", () => {
    const root = copyRootMesh();
    const fromRoot = snapshotFromRoot(root);
    const out = mkdtempSync(join(tmpdir(), "snap-"));
    writeFileSync(join(out, SNAPSHOT_FILE), JSON.stringify(snapshotOf(loadMesh(root))));
    const fromPlan = baseSnapshot({ dir: out })!;
    // One contract per contract file of the example, the deprecated products@1 (contract.v1.odcs.yaml) included.
    const files = readdirSync(join(root, "domains"), { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)contract(\.v\d+)?\.odcs\.yaml$/.test(f));
    expect(files).toContain("product-catalog/products/product-catalog/contract.v1.odcs.yaml");
    expect(fromRoot.contracts.length).toBe(files.length);
    // The plan writes the validated document, whose keys may come in another order: compare content.
    const sorted = (v: unknown): unknown => (Array.isArray(v) ? v.map(sorted) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sorted(x)])) : v);
    const byKey = (s: typeof fromRoot) => s.contracts.map((c) => [c.domain, c.product, c.major, c.version, JSON.stringify(sorted(c.doc))]).sort();
    expect(byKey(fromPlan)).toEqual(byKey(fromRoot));
    const grants = (s: typeof fromRoot) => s.grants.map((g) => `${g.consumer} ${g.producer}/${g.port}@${g.major} ${g.fields.join(",")} ${g.approved}`).sort();
    expect(grants(fromRoot).length).toBeGreaterThan(3);
    expect(grants(fromPlan)).toEqual(grants(fromRoot));
  });
});
