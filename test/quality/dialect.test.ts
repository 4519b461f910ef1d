import { describe, expect, it } from "vitest";
import { compileRule, type PortShape } from "../../quality/src";
import { ATHENA, compatible, DUCKDB, duckdbType, glueFamily } from "../../quality/src/dialect";

/** The one place the two engines differ, checked against each engine's documented names. */
describe("SQL dialects", () => {
  it("match a regular expression with each engine's function: DuckDB regexp_matches, Trino regexp_like", () => {
    expect(DUCKDB.regexMatches("x", "^[A-Z]{2}$")).toBe("regexp_matches(x, '^[A-Z]{2}$')");
    expect(ATHENA.regexMatches("x", "^[A-Z]{2}$")).toBe("regexp_like(x, '^[A-Z]{2}$')");
    expect(ATHENA.regexMatches("x", "it's")).toBe("regexp_like(x, 'it''s')");
  });

  it.each([
    // Trino type names (Trino docs, "Data types"), as Athena's information_schema.columns prints them.
    ["varchar(20)", "string"], ["varchar", "string"], ["char(3)", "string"], ["integer", "integer"], ["smallint", "integer"],
    ["bigint", "integer"], ["decimal(12,2)", "number"], ["double", "number"], ["real", "number"], ["boolean", "boolean"],
    ["date", "date"], ["timestamp(3)", "timestamp"], ["timestamp(3) with time zone", "timestamp"], ["varbinary", "binary"],
    ["array(varchar)", "array"], ["row(sku varchar, quantity integer)", "struct"], ["map(varchar, integer)", "map"],
  ])("Athena's %s is a %s", (type, family) => expect(ATHENA.family(type)).toBe(family));

  it.each([
    // DuckDB type names (DuckDB docs, "Data Types"), as its information_schema.columns prints them.
    ["VARCHAR", "string"], ["INTEGER", "integer"], ["BIGINT", "integer"], ["HUGEINT", "integer"], ["DECIMAL(12,2)", "number"],
    ["DOUBLE", "number"], ["FLOAT", "number"], ["BOOLEAN", "boolean"], ["DATE", "date"], ["TIMESTAMP", "timestamp"],
    ["TIMESTAMP WITH TIME ZONE", "timestamp"], ["TIME", "string"], ["BLOB", "binary"], ["VARCHAR[]", "array"],
    ["STRUCT(sku VARCHAR, quantity BIGINT)[]", "array"], ["STRUCT(a INTEGER)", "struct"], ["MAP(VARCHAR, INTEGER)", "map"],
  ])("DuckDB's %s is a %s", (type, family) => expect(DUCKDB.family(type)).toBe(family));

  it("maps the blueprint's Glue types to DuckDB types for loading samples", () => {
    expect(["varchar(20)", "char(3)", "string", "int", "smallint", "bigint", "decimal(24,6)", "double", "date", "timestamp", "boolean"].map(duckdbType))
      .toEqual(["VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "SMALLINT", "BIGINT", "DECIMAL(24,6)", "DOUBLE", "DATE", "TIMESTAMP", "BOOLEAN"]);
    expect(duckdbType("array<string>")).toBeUndefined();
  });

  it("accepts data types that hold the contract's values, and refuses narrower or other ones", () => {
    expect(compatible(glueFamily("decimal(12,2)"), "integer")).toBe(true);
    expect(compatible(glueFamily("int"), "number")).toBe(false);
    expect(compatible(glueFamily("varchar(8)"), "integer")).toBe(true);
    expect(compatible(glueFamily("int"), "string")).toBe(false);
    expect(compatible(glueFamily("timestamp"), "date")).toBe(true);
    expect(compatible(glueFamily("date"), "timestamp")).toBe(false);
  });

  it("compiles a rule to the same SQL for both engines except the dialect's own parts", () => {
    const port: PortShape = { name: "t", columns: [{ name: "code", type: "char(3)" }], partitionKeys: [] };
    const rule = { port: "t", field: "code", name: "invalidValues", severity: "error", rule: { metric: "invalidValues", mustBe: 0, arguments: { pattern: "^[A-Z]{3}$" } } };
    const rel = { data: () => '"t"', columnsOf: () => ({ table: "t" }) };
    const duck = compileRule(rule, port, DUCKDB, rel).sql!;
    const athena = compileRule(rule, port, ATHENA, rel).sql!;
    expect(duck.replace("regexp_matches", "regexp_like")).toBe(athena);
  });
});
