import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { accessChangeFindings } from "../../cli/src/contract-evolution/access";
import type { PlanFinding } from "../../cli/src/findings/model";
import type { PlanSummary } from "../../cli/src/plan/summary";
import type { PlanReport } from "../../cli/src/report/model";
import { PR_COMMENT_LIMIT, renderMarkdown } from "../../cli/src/report/markdown";
import { renderAccessChanges, renderContractChanges, SECTION_BUDGET } from "../../cli/src/report/contract-sections";
import { setYaml } from "../helpers/fixture";
import { copyRootMesh } from "../helpers/root-mesh";

const ORDERS = "domains/orders/products/order-events/product.yaml";
const RECS = "domains/recommendations/products/product-recommendations/product.yaml";
const ORDER_LINES = "domains/orders/products/order-lines/product.yaml";

function accessFindings(base: string | undefined, head: string): PlanFinding[] {
  const mesh = loadMesh(head);
  return accessChangeFindings({ mesh, summary: {} as PlanSummary, headDir: head, base: base ? { dir: mkdtempSync(join(tmpdir(), "b-")), label: "main", root: base } : undefined, today: "2026-11-30" });
}

describe("access changes", () => {
  it("says who gains and loses read access to which port, major and columns, and lists pending requests", () => {
    const base = copyRootMesh();
    const head = copyRootMesh();
    // orders/order-events now also reads marketing_consent; recommendations stops reading customers; customers
    // orders/order-lines asks to read recommendations, which only approves marketing: pending.
    setYaml(head, ORDERS, ["inputs", 0, "fields"], ["customer_id", "segment", "marketing_consent"]);
    setYaml(head, RECS, ["inputs", 1], undefined);
    // (after its existing input, products@1 of the catalogue, which it keeps reading)
    setYaml(head, ORDER_LINES, ["inputs", 1], { from: "recommendations/product-recommendations/recommendations@3", fields: ["customer_id", "sku"], purpose: "Show the top recommendation on the customer record." });
    const findings = accessFindings(base, head);
    expect(findings.map((f) => [f.rule, f.reason])).toEqual([
      ["access-pending", "orders/order-lines requests read access to recommendations/product-recommendations/recommendations@3 (customer_id, sku): pending approval, nothing is granted"],
      ["access-columns-changed", "orders/order-events gains marketing_consent on customers/customer-profile/customers@1"],
      ["access-revoked", "recommendations/product-recommendations loses read access to customers/customer-profile/customers@1 (columns customer_id, segment, marketing_consent)"],
    ]);
    expect(findings.every((f) => f.level === "info")).toBe(true);
    const md = renderAccessChanges(findings, "`summary.json`").join("\n");
    expect(md).toContain("### Access changes");
    expect(md).toContain("| recommendations/product-recommendations | loses read | `customers/customer-profile/customers@1` | customer_id, segment, marketing_consent | customers/customer-profile (team customer-data, customer-data@shopwave.example) |");
    expect(md).toContain("| orders/order-lines | pending approval | `recommendations/product-recommendations/recommendations@3` | customer_id, sku |");
  });

  it("reports a new grant", () => {
    const base = copyRootMesh();
    const head = copyRootMesh();
    setYaml(base, RECS, ["inputs", 1], undefined);
    const findings = accessFindings(base, head);
    expect(findings.map((f) => f.reason)).toEqual(["recommendations/product-recommendations gains read access to customers/customer-profile/customers@1: columns customer_id, segment, marketing_consent"]);
  });

  it("reports nothing when nothing changed and nothing is pending", () => {
    const base = copyRootMesh();
    expect(accessFindings(base, copyRootMesh())).toEqual([]);
  });
});

function contractFinding(i: number, level: PlanFinding["level"]): PlanFinding {
  return {
    level,
    kind: "contract-change",
    rule: "field-removed",
    owner: { domain: `d${i}`, product: "p", team: "t", contact: `t${i}@example.com` },
    subject: { contract: `d${i}/p/port@1`, path: "schema[port].properties[f]" },
    reason: "field f removed from port",
    action: "keep the field",
    old: "f",
    consumers: level === "blocking" ? [{ product: `c${i}/reader`, owner: { domain: `c${i}`, product: "reader", team: "readers", contact: "readers@example.com" }, reliesOn: "field f", hops: 1 }] : undefined,
  };
}

describe("the Contract changes section", () => {
  it("shows per contract the change, its level, the affected consumers and what to do, blocking first", () => {
    const md = renderContractChanges([contractFinding(1, "info"), contractFinding(2, "blocking")], "`summary.json`").join("\n");
    expect(md.indexOf("`d2/p@1`")).toBeLessThan(md.indexOf("`d1/p@1`"));
    expect(md).toContain("- ⛔ blocking `field-removed` `schema[port].properties[f]`: \"f\" → (none) — field f removed from port");
    expect(md).toContain("  - affects **c2/reader** (c2/reader (team readers, readers@example.com)), relies on field f");
    expect(md).toContain("  - do: keep the field");
    expect(md).toContain("2 contract(s) changed: 1 blocking, 0 warning, 1 info.");
  });

  it("summarises a large mesh within its budget and points to the full report", () => {
    const many = Array.from({ length: 2000 }, (_, i) => contractFinding(i, i % 3 === 0 ? "blocking" : "warning"));
    const lines = renderContractChanges(many, "`summary.json` of the plan artifact");
    expect(lines.join("\n").length).toBeLessThanOrEqual(SECTION_BUDGET + 400);
    expect(lines.join("\n")).toMatch(/_\d+ more contract\(s\) changed: see `findings` in `summary.json` of the plan artifact._/);
  });
});

describe("the PR comment of a large mesh with contract and access changes", () => {
  it("keeps both sections and still fits in 65,536 characters", () => {
    const contract = Array.from({ length: 3000 }, (_, i) => contractFinding(i, i % 2 ? "blocking" : "warning"));
    const access: PlanFinding[] = Array.from({ length: 3000 }, (_, i) => ({
      level: "info",
      kind: "access-change",
      rule: "access-granted",
      owner: { domain: `d${i}` },
      subject: { contract: `d${i}/p/port@1` },
      reason: `c${i}/x gains read access`,
      action: "check",
      consumers: [{ product: `c${i}/x`, owner: { domain: `c${i}` }, reliesOn: "columns a, b", hops: 1 }],
    }));
    const findings = [...contract, ...access];
    const report: PlanReport = {
      summary: { root: "/m", blueprintVersion: "1.0.0", stacks: [], totals: { stacks: 0, resources: 0, protectedResources: 0, products: 0, monthlyCostUsd: 0 } },
      outDir: "out/plan",
      findings,
      blocking: findings.filter((f) => f.level === "blocking"),
    };
    const md = renderMarkdown(report, "out/plan/diff.json");
    expect(md.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(md).toContain("### Contract changes");
    expect(md).toContain("### Access changes");
    expect(md).toMatch(/more contract\(s\) changed: see `findings` in `out\/plan\/summary.json`/);
  });
});
