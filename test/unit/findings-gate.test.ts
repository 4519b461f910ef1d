import { describe, expect, it } from "vitest";
import type { MeshModel } from "../../components/src/config/model";
import type { Finding } from "../../components/policies/types";
import type { Comparison } from "../../cli/src/diff/compare";
import { blockingFindings, collectFindings } from "../../cli/src/findings/gate";
import type { FindingContext, FindingSource } from "../../cli/src/findings/model";
import { FINDING_SOURCES } from "../../cli/src/findings/sources";
import type { PlanSummary } from "../../cli/src/plan/summary";
import { findingLine, renderBlockedMarkdown, renderFindingsText } from "../../cli/src/report/findings";

const mesh = {
  root: "/m",
  config: {},
  domains: [{ name: "sales", dir: "domains/sales", config: { owner: { team: "sales-data", email: "sales-data@example.com" } }, products: [] }],
} as unknown as MeshModel;

function governance(severity: Finding["severity"], rule: string, waived?: Finding["waived"]): Finding {
  return { rule, severity, urn: `urn:pulumi:sales-dev::mesh::t::${rule}-res`, resource: `${rule}-res`, message: `${rule} violated`, fix: `fix ${rule}`, waived };
}

function summaryWith(findings: Finding[]): PlanSummary {
  return {
    root: "/m",
    blueprintVersion: "1.0.0",
    stacks: [{ stack: "sales-dev", domain: "sales", env: "dev", products: [], pendingAccess: [], resources: 3, protectedResources: 0, byType: {}, millis: 1, findings, cost: { stack: "sales-dev", domain: "sales", products: {}, shared: 0, total: 0 } }],
    totals: { stacks: 1, resources: 3, protectedResources: 0, products: 0, monthlyCostUsd: 0 },
  } as PlanSummary;
}

function lossComparison(allowed: boolean): Comparison {
  const change = { kind: "delete" as const, urn: "urn:pulumi:sales-dev::mesh::aws:s3/bucket:Bucket::orders-bucket", type: "aws:s3/bucket:Bucket", name: "orders-bucket", changes: [], replaceReasons: [], stateful: true };
  return {
    base: "main",
    stacks: [{ stack: "sales-dev", domain: "sales", env: "dev", changes: [change], renames: [], counts: { create: 0, update: 0, replace: 0, delete: 1, rename: 0, same: 0 } }],
    totals: { create: 0, update: 0, replace: 0, delete: 1, rename: 0, same: 0 },
    dataLoss: [{ stack: "sales-dev", urn: change.urn, change, allowed, message: "deletes aws:s3/bucket:Bucket, which holds data" }],
    costs: [],
  };
}

function ctx(over: Partial<FindingContext> = {}): FindingContext {
  return { mesh, summary: summaryWith([]), headDir: "/tmp/none", today: "2026-11-30", ...over };
}

describe("one gate for every finding", () => {
  it("turns governance results into findings: mandatory blocks, advisory warns, a waived one is information", () => {
    const findings = collectFindings(FINDING_SOURCES, ctx({ summary: summaryWith([governance("advisory", "b-advisory"), governance("mandatory", "a-mandatory"), governance("advisory", "c-waived", { reason: "tracked", expires: "2099-01-01" })]) }));
    expect(findings.map((f) => [f.rule, f.level])).toEqual([
      ["a-mandatory", "blocking"],
      ["b-advisory", "warning"],
      ["c-waived", "info"],
    ]);
    // The owner comes from domain.yaml, so the finding says who must act.
    expect(findings[0]!.owner).toEqual({ domain: "sales", team: "sales-data", contact: "sales-data@example.com" });
    expect(blockingFindings(findings).map((f) => f.rule)).toEqual(["a-mandatory"]);
  });

  it("blocks data loss unless the double opt-in allows it, and then still warns", () => {
    const blocked = collectFindings(FINDING_SOURCES, ctx({ comparison: lossComparison(false) }));
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ level: "blocking", kind: "data-loss", subject: { stack: "sales-dev" }, reason: "deletes aws:s3/bucket:Bucket, which holds data" });
    const allowed = collectFindings(FINDING_SOURCES, ctx({ comparison: lossComparison(true) }));
    expect(allowed.map((f) => f.level)).toEqual(["warning"]);
    expect(blockingFindings(allowed)).toEqual([]);
  });

  it("lets a new source block the plan by returning a finding, with no change to the plan command", () => {
    const contract: FindingSource = () => [{ level: "blocking", kind: "contract-change", rule: "field-removed", owner: { domain: "sales" }, subject: { contract: "sales/orders/orders@1", path: "schema[orders].properties[total]" }, reason: "field removed", action: "bump the major" }];
    const findings = collectFindings([...FINDING_SOURCES, contract], ctx({ summary: summaryWith([governance("advisory", "x")]) }));
    expect(findings[0]!.kind).toBe("contract-change");
    expect(blockingFindings(findings)).toHaveLength(1);
  });

  it("renders a finding with its owner and what to do, in text and in the PR comment", () => {
    const [f] = collectFindings(FINDING_SOURCES, ctx({ comparison: lossComparison(false) }));
    expect(findingLine(f!)).toBe(
      "DATA LOSS sales-dev orders-bucket: deletes aws:s3/bucket:Bucket, which holds data. Owner: sales (team sales-data, sales-data@example.com). Do: keep the resource (revert the change, or keep its name through an alias); to really destroy it outside production, set allowDestroy for the environment in domain.yaml and pass --allow-destroy",
    );
    expect(renderFindingsText([f!], [f!])).toContain("BLOCKED: 1 item(s) stop this plan (exit 3):");
    expect(renderBlockedMarkdown([f!]).join("\n")).toContain("- **Data loss** `sales-dev` `orders-bucket`: deletes aws:s3/bucket:Bucket, which holds data. Owner: sales (team sales-data, sales-data@example.com).");
  });
});
