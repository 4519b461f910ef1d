/**
 * Everything that differs between the two SQL engines the rules run on — DuckDB (local `mesh test`) and Athena
 * engine 3 (Trino, the scheduled runner) — in one place. The compiler writes the rest of the SQL once, in the
 * subset both engines read the same way (CAST, COUNT, CASE, IN, double-quoted identifiers, '' escapes).
 */

/** The kinds of column type the schema check compares: engines spell types differently, families do not. */
export type TypeFamily = "string" | "integer" | "number" | "boolean" | "date" | "timestamp" | "binary" | "array" | "struct" | "map" | "unknown";

export interface Dialect {
  name: "duckdb" | "athena";
  /** A boolean SQL expression: does the text `expr` contain a match of the regular expression? */
  regexMatches(expr: string, pattern: string): string;
  /** The family of a type name as this engine's information_schema.columns.data_type spells it. */
  family(engineType: string): TypeFamily;
  /** information_schema.columns rows (column_name, data_type) of one relation. */
  columnsQuery(relation: { schema?: string; table: string }): string;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function stringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The family of a contract column's Glue (Hive DDL) type, as the blueprint maps it (components/src/contract/glue-types.ts). */
export function glueFamily(glueType: string): TypeFamily {
  const t = glueType.trim().toLowerCase();
  if (/^(string|varchar\(\d+\)|char\(\d+\))$/.test(t)) return "string";
  if (/^(tinyint|smallint|int|integer|bigint)$/.test(t)) return "integer";
  if (/^(decimal\(\d+,\s*\d+\)|double|float)$/.test(t)) return "number";
  if (t === "boolean") return "boolean";
  if (t === "date") return "date";
  if (t === "timestamp") return "timestamp";
  if (t === "binary") return "binary";
  if (t.startsWith("array<")) return "array";
  if (t.startsWith("struct<")) return "struct";
  if (t.startsWith("map<")) return "map";
  return "unknown";
}

/** Which data families a contract family accepts: every scalar has a text form; integers are numbers; dates fit timestamps. */
const ACCEPTS: Record<TypeFamily, TypeFamily[]> = {
  string: ["string", "integer", "number", "boolean", "date", "timestamp"],
  integer: ["integer"],
  number: ["integer", "number"],
  boolean: ["boolean"],
  date: ["date"],
  timestamp: ["timestamp", "date"],
  binary: ["binary", "string"],
  array: ["array"],
  struct: ["struct"],
  map: ["map"],
  unknown: [],
};

export function compatible(contract: TypeFamily, data: TypeFamily): boolean {
  return ACCEPTS[contract].includes(data);
}

function duckdbFamily(engineType: string): TypeFamily {
  const t = engineType.trim().toUpperCase();
  if (t.endsWith("[]") || /^[A-Z]+\[\d+\]$/.test(t)) return "array";
  if (t.startsWith("STRUCT")) return "struct";
  if (t.startsWith("MAP")) return "map";
  if (/^(VARCHAR|TEXT|STRING|JSON|UUID)/.test(t) || /^TIME( WITH TIME ZONE)?$/.test(t)) return "string";
  if (/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(t)) return "integer";
  if (/^(DECIMAL|NUMERIC|DOUBLE|FLOAT|REAL)/.test(t)) return "number";
  if (t === "BOOLEAN") return "boolean";
  if (t === "DATE") return "date";
  if (t.startsWith("TIMESTAMP")) return "timestamp";
  if (t === "BLOB") return "binary";
  return "unknown";
}

function athenaFamily(engineType: string): TypeFamily {
  const t = engineType.trim().toLowerCase();
  if (t.startsWith("array")) return "array";
  if (t.startsWith("row") || t.startsWith("struct")) return "struct";
  if (t.startsWith("map")) return "map";
  if (/^(varchar|char|string)/.test(t)) return "string";
  if (/^(tinyint|smallint|integer|int|bigint)$/.test(t)) return "integer";
  if (/^(decimal|double|real|float)/.test(t)) return "number";
  if (t === "boolean") return "boolean";
  if (t === "date") return "date";
  if (t.startsWith("timestamp")) return "timestamp";
  if (t === "varbinary" || t === "binary") return "binary";
  return "unknown";
}

function columnsQuery(relation: { schema?: string; table: string }): string {
  const where = [`table_name = ${stringLiteral(relation.table)}`];
  if (relation.schema) where.unshift(`table_schema = ${stringLiteral(relation.schema)}`);
  return `SELECT column_name, data_type FROM information_schema.columns WHERE ${where.join(" AND ")} ORDER BY ordinal_position`;
}

export const DUCKDB: Dialect = {
  name: "duckdb",
  regexMatches: (expr, pattern) => `regexp_matches(${expr}, ${stringLiteral(pattern)})`,
  family: duckdbFamily,
  columnsQuery,
};

export const ATHENA: Dialect = {
  name: "athena",
  regexMatches: (expr, pattern) => `regexp_like(${expr}, ${stringLiteral(pattern)})`,
  family: athenaFamily,
  columnsQuery,
};

/** DuckDB's type for a contract column (loading sample data casts to it); complex types are left as read. */
export function duckdbType(glueType: string): string | undefined {
  const t = glueType.trim().toLowerCase();
  if (/^(string|varchar\(\d+\)|char\(\d+\))$/.test(t)) return "VARCHAR";
  const simple: Record<string, string> = { tinyint: "TINYINT", smallint: "SMALLINT", int: "INTEGER", integer: "INTEGER", bigint: "BIGINT", double: "DOUBLE", float: "FLOAT", boolean: "BOOLEAN", date: "DATE", timestamp: "TIMESTAMP", binary: "BLOB" };
  if (simple[t]) return simple[t];
  const dec = t.match(/^decimal\((\d+),\s*(\d+)\)$/);
  if (dec) return `DECIMAL(${Math.min(Number(dec[1]), 38)},${dec[2]})`;
  return undefined;
}
