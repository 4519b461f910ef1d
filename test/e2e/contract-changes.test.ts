import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { mesh } from "../helpers/cli";
import { setYaml } from "../helpers/fixture";
import { copyRootMesh } from "../helpers/root-mesh";

const CUSTOMERS = "domains/customers/products/customer-profile/contract.odcs.yaml";

function propIndex(root: string, name: string): number {
  return parseDocument(readFileSync(join(root, CUSTOMERS), "utf8")).toJS().schema[0].properties.findIndex((p: { name: string }) => p.name === name);
}

describe("changing a contract of the e-commerce mesh, planned against the base", () => {
  // One base plan of the unchanged mesh; each scenario edits a fresh copy of it and plans the producer's stack.
  const base = copyRootMesh();
  const baseOut = join(base, "out");
  const planned = mesh(["plan", "--root", base, "--out", baseOut, "--stack", "customers-dev"]);
  const head = (edit: (root: string) => void) => {
    const root = copyRootMesh();
    edit(root);
    return { root, run: mesh(["plan", "--root", root, "--out", join(root, "out"), "--base", baseOut, "--stack", "customers-dev"]) };
  };

  it("plans the base and records its contracts", () => {
    expect(planned.status).toBe(0);
    // Every served major is recorded, the deprecated products@1 (contract.v1.odcs.yaml) included: one entry per
    // contract file of the example.
    const files = readdirSync(join(base, "domains"), { recursive: true, encoding: "utf8" })
      .filter((f) => /(^|\/)contract(\.v\d+)?\.odcs\.yaml$/.test(f))
      .map((f) => `domains/${f}`);
    expect(files).toContain("domains/product-catalog/products/product-catalog/contract.v1.odcs.yaml");
    const recorded = JSON.parse(readFileSync(join(baseOut, "plan", "contracts.json"), "utf8")).contracts as { file: string; product: string; major: number }[];
    expect(recorded.map((c) => c.file).sort()).toEqual(files.sort());
    expect(recorded.filter((c) => c.product === "product-catalog").map((c) => c.major).sort()).toEqual([1, 2]);
  });

  it("exits 3 when a field recommendations reads is removed, naming recommendations, its owner and the field", () => {
    const { run, root } = head((r) => setYaml(r, CUSTOMERS, ["schema", 0, "properties", propIndex(r, "segment")], undefined));
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/BLOCKED: 1 item\(s\) stop this plan \(exit 3\):\n {2}CONTRACT CHANGE customers\/customer-profile\/customers@1 schema\[customers\]\.properties\[segment\]: field segment removed/);
    expect(run.stdout).toContain("recommendations/product-recommendations (team personalisation, personalisation@shopwave.example) reading field segment");
    expect(run.stderr).toMatch(/^error: 1 blocking item\(s\): contract change/);
    const summary = JSON.parse(readFileSync(join(root, "out", "plan", "summary.json"), "utf8"));
    expect(summary.blocking[0].consumers.map((c: { product: string }) => c.product)).toContain("recommendations/product-recommendations");
    // The PR comment's Contract changes section names the contract, the change, the reader and what to do.
    const md = readFileSync(join(root, "out", "plan", "plan.md"), "utf8");
    expect(md).toContain("**`customers/customer-profile@1`**");
    expect(md).toContain("- ⛔ blocking `field-removed` `schema[customers].properties[segment]`");
    expect(md).toContain("  - affects **recommendations/product-recommendations** (recommendations/product-recommendations (team personalisation, personalisation@shopwave.example)), relies on field segment");
    // Removing the field also shrinks both readers' column grants: the Access changes section says so.
    expect(md).toContain("| recommendations/product-recommendations | columns change | `customers/customer-profile/customers@1` |");
  });

  it("exits 0 with a warning when the removed field has no declared reader", () => {
    const { run } = head((r) => setYaml(r, CUSTOMERS, ["schema", 0, "properties", propIndex(r, "lifetime_value_eur")], undefined));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Warnings: \d+ \(the plan is not blocked by them\):/);
    expect(run.stdout).toContain("field lifetime_value_eur removed from customers (version 1.4.0 unchanged): breaking, but for nobody today");
    expect(run.stdout).not.toMatch(/BLOCKED/);
  });

  it("exits 3 when the type of a read field changes", () => {
    const { run } = head((r) => setYaml(r, CUSTOMERS, ["schema", 0, "properties", propIndex(r, "marketing_consent"), "logicalType"], "string"));
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/CONTRACT CHANGE customers\/customer-profile\/customers@1 schema\[customers\]\.properties\[marketing_consent\]\.logicalType: logical type of marketing_consent changed/);
    expect(run.stdout).toContain("reading field marketing_consent");
  });
});
