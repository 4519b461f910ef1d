import { describe, expect, it } from "vitest";
import { compileRules, type PortShape, RuleProblem, type RuleInput } from "../../quality/src";
import { DUCKDB } from "../../quality/src/dialect";
import { LOCAL_RELATIONS } from "../../quality/src/duckdb/local";
import { runOn } from "./local-engine";

/**
 * Every ODCS v3.1 library metric and operator on DuckDB, each with a data set that passes and one that fails.
 * Expected values are counted by hand from the rows below and the standard's data-quality page
 * (docs/data-quality.md of the ODCS repository); never from the compiler.
 */
const PORT: PortShape = {
  name: "orders",
  columns: [
    { name: "order_id", type: "varchar(12)" },
    { name: "status", type: "varchar(16)" },
    { name: "qty", type: "int" },
    { name: "iban", type: "string" },
    { name: "amount", type: "decimal(12,2)" },
  ],
  partitionKeys: [],
};

const HEADER = "order_id,status,qty,iban,amount";
// 5 rows: one null status, order_id O2 twice, qty -1 once, one IBAN that is not one.
const ROWS = [
  "O1,open,1,DE44500105175407324931,10.00",
  "O2,shipped,2,GB33BUKB20201555555555,20.50",
  "O2,,3,FR7630006000011234567890189,5.25",
  "O4,open,-1,not-an-iban,1.00",
  "O5,cancelled,5,NL91ABNA0417164300,0.10",
];
const csv = (rows: string[]) => [HEADER, ...rows].join("\n");

function rule(field: string | undefined, def: Record<string, unknown>, severity = "error"): RuleInput {
  return { port: "orders", field, name: String(def.metric ?? def.type ?? "rule"), severity, rule: def };
}

async function one(data: string | Record<string, unknown>[], r: RuleInput) {
  const report = await runOn(PORT, data, [r]);
  expect(report.results).toHaveLength(1);
  return report.results[0]!;
}

describe("library metrics on DuckDB (ODCS v3.1)", () => {
  it("nullValues counts nulls: 1 in the data fails mustBe 0, none passes", async () => {
    const fail = await one(csv(ROWS), rule("status", { metric: "nullValues", mustBe: 0 }));
    expect(fail).toMatchObject({ status: "fail", measured: 1, threshold: "= 0" });
    const pass = await one(csv(ROWS.filter((r) => !r.includes(",,"))), rule("status", { metric: "nullValues", mustBe: 0 }));
    expect(pass).toMatchObject({ status: "pass", measured: 0 });
  });

  it("nullValues with unit percent: 1 null in 5 rows is 20 %", async () => {
    const pass = await one(csv(ROWS), rule("status", { metric: "nullValues", mustBeLessThan: 25, unit: "percent" }));
    expect(pass).toMatchObject({ status: "pass", measured: 20, unit: "percent" });
    const fail = await one(csv(ROWS), rule("status", { metric: "nullValues", mustBeLessThan: 20, unit: "percent" }));
    expect(fail).toMatchObject({ status: "fail", measured: 20 });
  });

  it("missingValues counts the listed values (null, '', 'N/A'), and defaults to null and ''", async () => {
    const rows = [{ order_id: "A", status: "open" }, { order_id: "B", status: "" }, { order_id: "C", status: "N/A" }, { order_id: "D", status: null }, { order_id: "E", status: "n/a" }];
    const listed = await one(rows, rule("status", { metric: "missingValues", arguments: { missingValues: [null, "", "N/A"] }, mustBeLessThan: 3 }));
    expect(listed).toMatchObject({ status: "fail", measured: 3 });
    const dflt = await one(rows, rule("status", { metric: "missingValues", mustBeLessOrEqualTo: 2 }));
    expect(dflt).toMatchObject({ status: "pass", measured: 2 });
    const percent = await one(rows, rule("status", { metric: "missingValues", arguments: { missingValues: ["N/A", "n/a"] }, mustBeLessOrEqualTo: 40, unit: "percent" }));
    expect(percent).toMatchObject({ status: "pass", measured: 40 });
  });

  it("invalidValues with validValues counts values outside the list; nulls are not invalid", async () => {
    const def = { metric: "invalidValues", arguments: { validValues: ["open", "shipped", "cancelled"] }, mustBe: 0 };
    expect(await one(csv(ROWS), rule("status", def))).toMatchObject({ status: "pass", measured: 0 });
    const bad = [...ROWS, "O6,lost,1,DE44500105175407324931,1.00"];
    expect(await one(csv(bad), rule("status", def))).toMatchObject({ status: "fail", measured: 1 });
  });

  it("invalidValues with numeric validValues compares numbers", async () => {
    const def = { metric: "invalidValues", arguments: { validValues: [1, 2, 3, 5] }, mustBeLessThan: 1 };
    expect(await one(csv(ROWS), rule("qty", def))).toMatchObject({ status: "fail", measured: 1 });
    expect(await one(csv(ROWS.filter((r) => !r.includes(",-1,"))), rule("qty", def))).toMatchObject({ status: "pass", measured: 0 });
  });

  it("invalidValues with a pattern (the standard's IBAN example) counts values that do not match", async () => {
    const def = { metric: "invalidValues", arguments: { pattern: "^[A-Z]{2}[0-9]{2}[A-Z0-9]{4}[0-9]{7}([A-Z0-9]?){0,16}$" }, mustBe: 0 };
    expect(await one(csv(ROWS), rule("iban", def))).toMatchObject({ status: "fail", measured: 1 });
    expect(await one(csv(ROWS.filter((r) => !r.includes("not-an-iban"))), rule("iban", def))).toMatchObject({ status: "pass", measured: 0 });
    expect(await one(csv(ROWS), rule("iban", { ...def, mustBe: undefined, mustBeLessOrEqualTo: 20, unit: "percent" }))).toMatchObject({ status: "pass", measured: 20 });
  });

  it("duplicateValues on a property counts rows beyond the first of each value", async () => {
    const def = { metric: "duplicateValues", mustBe: 0 };
    expect(await one(csv(ROWS), rule("order_id", def))).toMatchObject({ status: "fail", measured: 1 });
    expect(await one(csv(ROWS.filter((_, i) => i !== 2)), rule("order_id", def))).toMatchObject({ status: "pass", measured: 0 });
    expect(await one(csv(ROWS), rule("order_id", { metric: "duplicateValues", mustBeLessThan: 25, unit: "percent" }))).toMatchObject({ status: "pass", measured: 20 });
  });

  it("duplicateValues on the object counts repeated combinations of arguments.properties", async () => {
    const def = { metric: "duplicateValues", mustBe: 0, arguments: { properties: ["order_id", "status"] } };
    // O2/shipped and O2/null differ: no duplicate combination.
    expect(await one(csv(ROWS), rule(undefined, def))).toMatchObject({ status: "pass", measured: 0 });
    expect(await one(csv([...ROWS, "O1,open,9,DE44500105175407324931,2.00"]), rule(undefined, def))).toMatchObject({ status: "fail", measured: 1 });
  });

  describe("rowCount with every operator (5 rows)", () => {
    const cases: [string, unknown, unknown][] = [
      ["mustBe", 5, 4],
      ["mustNotBe", 4, 5],
      ["mustBeGreaterThan", 4, 5],
      ["mustBeGreaterOrEqualTo", 5, 6],
      ["mustBeLessThan", 6, 5],
      ["mustBeLessOrEqualTo", 5, 4],
      // The standard: mustBeBetween "is the equivalent to mustBeGreaterThan and mustBeLessThan" (exclusive).
      ["mustBeBetween", [4, 6], [5, 6]],
      ["mustNotBeBetween", [5, 9], [4, 6]],
    ];
    it.each(cases)("%s passes with %j and fails with %j", async (op, passing, failing) => {
      const pass = await one(csv(ROWS), rule(undefined, { metric: "rowCount", [op]: passing }));
      expect(pass).toMatchObject({ status: "pass", measured: 5 });
      const fail = await one(csv(ROWS), rule(undefined, { metric: "rowCount", [op]: failing }));
      expect(fail).toMatchObject({ status: "fail", measured: 5 });
    });
  });

  it("rowCount of sample data is measured and shown, not judged (and judged with --full-table)", async () => {
    const report = await runOn(PORT, csv(ROWS), [rule(undefined, { metric: "rowCount", mustBeGreaterThan: 1000 })], { sample: true });
    expect(report.results[0]).toMatchObject({ status: "skipped", measured: 5 });
    expect(report.results[0]!.detail).toMatch(/volume rule/);
    expect(report.ok).toBe(true);
  });
});

describe("sql rules", () => {
  it("fills {object} and {property} and compares the number the query returns", async () => {
    const def = { type: "sql", query: "SELECT COUNT(*) FROM {object} WHERE {property} < 0", mustBe: 0 };
    expect(await one(csv(ROWS), rule("qty", def))).toMatchObject({ status: "fail", measured: 1 });
    expect(await one(csv(ROWS.filter((r) => !r.includes(",-1,"))), rule("qty", def))).toMatchObject({ status: "pass", measured: 0 });
  });

  it("a boolean result counts as 1 (true) or 0 (false)", async () => {
    const def = { type: "sql", query: "SELECT MIN(amount) > 0 FROM {object};", mustBe: 1 };
    expect(await one(csv(ROWS), rule(undefined, def))).toMatchObject({ status: "pass", measured: 1 });
    expect(await one(csv([...ROWS, "O9,open,1,X,0.00"]), rule(undefined, def))).toMatchObject({ status: "fail", measured: 0 });
  });

  it("a query that fails is an error, never a pass", async () => {
    const r = await one(csv(ROWS), rule(undefined, { type: "sql", query: "SELECT COUNT(*) FROM {object} WHERE no_such_column = 1", mustBe: 0 }));
    expect(r.status).toBe("error");
    expect(r.detail).toMatch(/query failed/);
  });

  it("a sql rule cannot read files of the machine it runs on", async () => {
    const r = await one(csv(ROWS), rule(undefined, { type: "sql", query: "SELECT COUNT(*) FROM read_csv('/etc/passwd')", mustBe: 0 }));
    expect(r.status).toBe("error");
  });
});

describe("schema conformity", () => {
  it("passes when every contract column is present with a compatible type", async () => {
    const report = await runOn(PORT, csv(ROWS), [], { schema: true });
    expect(report.results[0]).toMatchObject({ kind: "schema", status: "pass", measured: 0 });
  });

  it("names a missing column and a column whose values do not fit the contract's type", async () => {
    const data = ["order_id,status,qty,amount", "O1,open,1,10.00", "O2,open,two,1.00"].join("\n");
    const report = await runOn(PORT, data, [], { schema: true });
    const r = report.results[0]!;
    expect(r).toMatchObject({ kind: "schema", status: "fail", measured: 2 });
    expect(r.detail).toContain("iban is missing (contract: string)");
    expect(r.detail).toContain("qty is VARCHAR (contract: int)");
  });
});

describe("rules that are not executed, and rules that cannot mean anything", () => {
  it("reports custom rules of unknown engines and text rules as skipped with the reason, never passed", async () => {
    const report = await runOn(PORT, csv(ROWS), [
      rule(undefined, { type: "custom", engine: "soda", implementation: "type: duplicate_percent" }),
      rule(undefined, { type: "text", description: "Orders are complete." }),
    ]);
    expect(report.results.map((r) => r.status)).toEqual(["skipped", "skipped"]);
    expect(report.results[0]!.detail).toMatch(/custom engine "soda" is not run/);
    expect(report.summary).toMatchObject({ passed: 0, skipped: 2 });
  });

  it("a failing warning does not fail the run; a failing error does", async () => {
    const warn = await runOn(PORT, csv(ROWS), [rule("status", { metric: "nullValues", mustBe: 0 }, "warning")]);
    expect(warn.results[0]!.status).toBe("fail");
    expect(warn.ok).toBe(true);
    const err = await runOn(PORT, csv(ROWS), [rule("status", { metric: "nullValues", mustBe: 0 }, "error")]);
    expect(err.ok).toBe(false);
  });

  it.each([
    [{ metric: "nullValues" }, /needs one operator/],
    [{ metric: "nullValues", mustBe: 0, mustBeLessThan: 1 }, /exactly one/],
    [{ metric: "mostlyFine", mustBe: 0 }, /not an ODCS library metric/],
    [{ metric: "invalidValues", mustBe: 0 }, /validValues .* or arguments.pattern/],
    [{ metric: "nullValues", mustBe: 0, unit: "bananas" }, /unit "bananas"/],
    [{ metric: "rowCount", mustBeBetween: [10, 1] }, /smallest first/],
  ])("refuses %j", (def, message) => {
    const field = def.metric === "rowCount" ? undefined : "status";
    expect(() => compileRules([PORT], [rule(field, def)], DUCKDB, LOCAL_RELATIONS)).toThrow(RuleProblem);
    expect(() => compileRules([PORT], [rule(field, def)], DUCKDB, LOCAL_RELATIONS)).toThrow(message);
  });
});
