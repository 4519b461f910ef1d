import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testProduct } from "../../cli/src/commands/test";
import type { RunReport } from "../../quality/src";
import { mesh } from "../helpers/cli";
import { CliError } from "../../cli/src/errors";
import { REPO, setYaml } from "../helpers/fixture";

/** A throwaway copy of the root mesh's own files (not the whole repository). */
function copyRootMesh(): string {
  const dir = mkdtempSync(join(tmpdir(), "mesh-"));
  for (const part of ["mesh.yaml", "domains", "stacks"]) cpSync(join(REPO, part), join(dir, part), { recursive: true });
  return dir;
}

function products(meshRoot: string): string[] {
  const domains = join(REPO, meshRoot, "domains");
  return readdirSync(domains).sort().flatMap((d) => (existsSync(join(domains, d, "products")) ? readdirSync(join(domains, d, "products")).sort().map((p) => `${d}/${p}`) : []));
}

describe.each([["."], ["examples/investment-bank"], ["examples/healthcare"]])("mesh test over the sample data of every product of %s", (meshRoot) => {
  const all = products(meshRoot);
  it("has products", () => expect(all.length).toBeGreaterThan(3));
  it.each(all)("%s passes its contract's rules", async (product) => {
    const out = mkdtempSync(join(tmpdir(), "mesh-test-"));
    const { report, reportFile } = await testProduct({ root: join(REPO, meshRoot), product, out });
    const failing = report.results.filter((r) => r.status === "fail" || r.status === "error").map((r) => `${r.id}: ${r.measured} ${r.detail ?? ""}`);
    expect(failing).toEqual([]);
    expect(report.ok).toBe(true);
    // Every port is checked for schema conformity, and the contract's rules ran (not merely skipped).
    expect(report.results.filter((r) => r.kind === "schema" && r.status === "pass").length).toBeGreaterThan(0);
    expect(report.results.filter((r) => r.kind !== "schema" && r.status === "pass").length).toBeGreaterThan(0);
    const written = JSON.parse(readFileSync(reportFile, "utf8")) as RunReport;
    expect(written.results).toHaveLength(report.results.length);
  });
});

describe("mesh test as a user runs it", () => {
  it("prints each check with its measured value, threshold and severity, writes the report and exits 0", () => {
    const out = mkdtempSync(join(tmpdir(), "mesh-test-"));
    const run = mesh(["test", "orders/order-lines", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^PASS\s+error\s+order_lines\.currency\s+invalidValues\s+0\s+≤ 0$/m);
    expect(run.stdout).toMatch(/^SKIP\s+error\s+order_lines\s+rowCount\s+12\s+> 50000\s+volume rule/m);
    expect(existsSync(join(out, "quality", "orders", "order-lines.json"))).toBe(true);
  });

  /**
   * A copy of order-lines' sample with one bad row per rule kind; each row is a good row with a fresh key and one
   * field broken, so each rule sees exactly one bad value.
   */
  it("fails with exit 3 on one bad row per rule kind, naming the rule, the field and the measured value", () => {
    const root = copyRootMesh();
    const contract = "domains/orders/products/order-lines/contract.odcs.yaml";
    // Two rule kinds the example contract does not use: a sql rule and missingValues.
    setYaml(root, contract, ["schema", 0, "properties", 8, "quality", 1], { type: "sql", query: "SELECT COUNT(*) FROM {object} WHERE {property} < 0", mustBe: 0, name: "nonNegativeTotal", severity: "error" });
    setYaml(root, contract, ["schema", 0, "properties", 2, "quality"], [{ metric: "missingValues", arguments: { missingValues: ["", "N/A"] }, mustBe: 0, severity: "error" }]);
    const file = join(root, "domains/orders/products/order-lines/sample/order_lines.csv");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const header = lines[0]!.split(",");
    const good = lines[1]!.split(",");
    const row = (key: string, change: Record<string, string>) => header.map((h, i) => (h === "order_id" ? key : change[h] ?? good[i]!)).join(",");
    const bad = [
      row("BAD1", { sku: "" }), // nullValues on sku
      row("BAD2", { currency: "USD" }), // invalidValues (validValues) on currency
      row("BAD3", { line_total: "-5.00" }), // sql rule on line_total
      row("BAD4", { customer_id: "N/A" }), // missingValues on customer_id
      row("BAD5", { quantity: "many" }), // schema: quantity is no longer an int
      lines[1]!, // duplicateValues on (order_id, line_number): a second copy of the first row
    ];
    writeFileSync(file, `${[...lines, ...bad].join("\n")}\n`);
    const out = mkdtempSync(join(tmpdir(), "mesh-test-"));
    const run = mesh(["test", "orders/order-lines", "--root", root, "--out", out]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^error: 6 error-severity quality check\(s\) failed for orders\/order-lines/);
    expect(run.stdout).toMatch(/^FAIL\s+error\s+order_lines\.sku\s+nullValues\s+1\s+= 0$/m);
    expect(run.stdout).toMatch(/^FAIL\s+error\s+order_lines\.currency\s+invalidValues\s+1\s+≤ 0$/m);
    expect(run.stdout).toMatch(/^FAIL\s+error\s+order_lines\.line_total\s+nonNegativeTotal\s+1\s+= 0$/m);
    expect(run.stdout).toMatch(/^FAIL\s+error\s+order_lines\.customer_id\s+missingValues\s+1\s+= 0$/m);
    expect(run.stdout).toMatch(/^FAIL\s+error\s+order_lines\s+schema\s+1 column\s+= 0\s+quantity is VARCHAR \(contract: int\)$/m);
    expect(run.stdout).toMatch(/^FAIL\s+error\s+order_lines\s+duplicateValues\s+1\s+= 0$/m);
    const report = JSON.parse(readFileSync(join(out, "quality", "orders", "order-lines.json"), "utf8")) as RunReport;
    expect(report.ok).toBe(false);
    expect(report.summary.failedErrors).toBe(6);
  });

  it("refuses a missing data folder with exit 2, one line naming it and what is valid, and writes nothing", () => {
    const out = mkdtempSync(join(tmpdir(), "mesh-test-"));
    const run = mesh(["test", "orders/order-lines", "--data", "no/such/folder", "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: no\/such\/folder: does not exist; pass a \.csv, \.json \(\.jsonl, \.ndjson\) or \.parquet file, or a folder/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    [{ product: "orders/order-lines", data: join(REPO, "README.md") }, /README\.md: is not a data file this command reads; pass a \.csv/],
    [{ product: "orders/no-such-product" }, /^orders\/no-such-product: no product no-such-product in domain orders \(products: fraud-screening, order-events, order-lines\)/],
    [{ product: "orders" }, /^orders: name a product as <domain>\/<product>/],
  ])("refuses %j as a config error (exit 2) before writing anything", async (args, message) => {
    const out = mkdtempSync(join(tmpdir(), "mesh-test-"));
    const error = await testProduct({ root: REPO, out, ...args }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(message);
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses a data file DuckDB cannot read as its format, naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mesh-test-"));
    const data = join(dir, "order_lines.parquet");
    writeFileSync(data, "this is not parquet");
    const error = await testProduct({ root: REPO, product: "orders/order-lines", data, out: join(dir, "out") }).then(() => undefined, (e: unknown) => e);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain(`${data}: cannot be read as parquet`);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
