import { type Dialect, glueFamily, quoteIdent, stringLiteral, type TypeFamily } from "./dialect";
import type { Check, CheckKind, FreshnessSla, PortShape, RuleInput, Severity } from "./model";
import { readThreshold } from "./threshold";

/** Where each port's data lives for the engine: a SQL relation, and the name information_schema knows it by. */
export interface Relations {
  /** SQL reference to the port's rows, e.g. `"db"."orders_v1"`. */
  data(port: string): string;
  /** The relation whose columns the schema check reads (the raw sample locally, the Glue table in the cloud). */
  columnsOf(port: string): { schema?: string; table: string };
}

/** A rule the compiler cannot turn into a check: the contract is wrong, and the message says how. */
export class RuleProblem extends Error {
  constructor(readonly rule: RuleInput, readonly problem: string) {
    super(`quality rule "${rule.name}" of ${rule.field ? `${rule.port}.${rule.field}` : rule.port}: ${problem}`);
    this.name = "RuleProblem";
  }
}

const LIBRARY_METRICS = ["nullValues", "missingValues", "invalidValues", "duplicateValues", "rowCount"] as const;
/** Metrics measured on one property; `duplicateValues` also works on the object with `arguments.properties`. */
const PROPERTY_METRICS = new Set(["nullValues", "missingValues", "invalidValues"]);

export function severityOf(raw: string | undefined): Severity {
  const s = (raw ?? "error").toLowerCase();
  if (s === "warning" || s === "warn") return "warning";
  if (s === "info") return "info";
  // Anything else (error, critical, blocker, a typo) fails the run: a rule is never weakened by its spelling.
  return "error";
}

/** The rule's type: ODCS says `library` is the default, and may be omitted when `metric` (or the deprecated `rule`) is set. */
function ruleType(rule: Record<string, unknown>): string {
  if (typeof rule.type === "string") return rule.type;
  return "library";
}

/** A literal of a JSON value, typed to the column it is compared with. */
function literal(value: unknown, family: TypeFamily): { sql: string; asText: boolean } {
  if (typeof value === "number" && (family === "integer" || family === "number")) return { sql: String(value), asText: false };
  if (typeof value === "boolean" && family === "boolean") return { sql: value ? "TRUE" : "FALSE", asText: false };
  return { sql: stringLiteral(String(value)), asText: true };
}

/** `column IN (values)`, comparing as text where a value is text (one comparison type per list: engines refuse mixed lists). */
function inList(column: string, values: unknown[], family: TypeFamily): string {
  const lits = values.map((v) => literal(v, family));
  const asText = lits.some((l) => l.asText);
  const items = asText ? values.map((v) => stringLiteral(String(v))) : lits.map((l) => l.sql);
  return `${asText ? `CAST(${column} AS VARCHAR)` : column} IN (${items.join(", ")})`;
}

function countWhere(predicate: string): string {
  return `SUM(CASE WHEN ${predicate} THEN 1 ELSE 0 END)`;
}

/** A count as rows, or as a percentage of all rows (an empty table has 0 %). */
function measure(count: string, unit: "rows" | "percent"): string {
  const c = `COALESCE(${count}, 0)`;
  return unit === "percent" ? `CASE WHEN COUNT(*) = 0 THEN 0 ELSE 100.0 * ${c} / COUNT(*) END` : c;
}

function skip(base: Omit<Check, "kind" | "skipped">, kind: CheckKind, reason: string): Check {
  return { ...base, kind, skipped: reason };
}

/** Replaces the ODCS placeholders of a `sql` rule ({object}, {property}; also the ${…} and {table}/{column} spellings of older examples). */
export function fillPlaceholders(query: string, object: string, property: string | undefined): string {
  return query
    .replace(/\$?\{(object|table)\}/g, object)
    .replace(/\$?\{(property|column)\}/g, (m) => {
      if (property === undefined) throw new Error(`${m} is used in a rule that is not declared on a property`);
      return property;
    })
    .trim()
    .replace(/;\s*$/, "");
}

/** Compiles one contract rule into one check for the engine, or throws RuleProblem when the rule cannot mean anything. */
export function compileRule(input: RuleInput, port: PortShape, dialect: Dialect, relations: Relations): Check {
  const rule = input.rule;
  const base = {
    id: `${input.port}${input.field ? `.${input.field}` : ""}:${input.name}`,
    port: input.port,
    field: input.field,
    name: input.name,
    severity: severityOf(input.severity),
    dimension: input.dimension,
  };
  const type = ruleType(rule);
  if (type === "text") return skip(base, "text", "a text rule describes quality in words; there is nothing to execute");
  if (type === "custom") {
    const engine = typeof rule.engine === "string" ? rule.engine : "(none)";
    return skip(base, "custom", `custom engine "${engine}" is not run by the platform (it runs library, sql and schema checks); run it with ${engine}'s own tooling`);
  }
  if (type !== "library" && type !== "sql") throw new RuleProblem(input, `type "${type}" is not an ODCS rule type (text, library, sql, custom)`);

  const threshold = readThreshold(rule);
  if ("problem" in threshold) throw new RuleProblem(input, threshold.problem);
  const unit = rule.unit === undefined ? "rows" : rule.unit;
  if (unit !== "rows" && unit !== "percent") throw new RuleProblem(input, `unit "${String(unit)}" is not supported (rows or percent)`);
  const relation = relations.data(input.port);
  const column = input.field !== undefined ? quoteIdent(input.field) : undefined;

  if (type === "sql") {
    if (typeof rule.query !== "string" || rule.query.trim() === "") throw new RuleProblem(input, "a sql rule needs `query`, a SELECT that returns one number or boolean");
    let sql: string;
    try {
      sql = fillPlaceholders(rule.query, relation, column);
    } catch (e) {
      throw new RuleProblem(input, (e as Error).message);
    }
    return { ...base, kind: "sql", threshold, unit, sql };
  }

  const metric = (rule.metric ?? rule.rule) as string | undefined;
  if (!metric || !(LIBRARY_METRICS as readonly string[]).includes(metric)) {
    throw new RuleProblem(input, `metric "${String(metric)}" is not an ODCS library metric (${LIBRARY_METRICS.join(", ")})`);
  }
  const args = (rule.arguments ?? {}) as Record<string, unknown>;
  const columnType = port.columns.find((c) => c.name === input.field)?.type;
  if (input.field !== undefined && !columnType) throw new RuleProblem(input, `property "${input.field}" is not a column of ${input.port}`);
  if (PROPERTY_METRICS.has(metric) && column === undefined) throw new RuleProblem(input, `${metric} is measured on a property; declare it under the property's quality`);
  const family = columnType ? glueFamily(columnType) : "unknown";
  const kind = metric as CheckKind;
  const select = (value: string) => `SELECT ${value} AS measured FROM ${relation}`;

  switch (metric) {
    case "rowCount":
      if (unit === "percent") throw new RuleProblem(input, "rowCount counts rows; unit percent has no meaning for it");
      return { ...base, kind, threshold, unit, sql: select("COUNT(*)") };
    case "nullValues":
      return { ...base, kind, threshold, unit, sql: select(measure(countWhere(`${column} IS NULL`), unit)) };
    case "missingValues": {
      // ODCS: "values considered as missing"; without the argument, null and the empty string are.
      const listed = Array.isArray(args.missingValues) ? args.missingValues : [null, ""];
      const values = listed.filter((v) => v !== null);
      const parts = [...(listed.includes(null) ? [`${column} IS NULL`] : []), ...(values.length > 0 ? [inList(column!, values, family)] : [])];
      if (parts.length === 0) throw new RuleProblem(input, "arguments.missingValues must list at least one value, such as [null, '', 'N/A']");
      return { ...base, kind, threshold, unit, sql: select(measure(countWhere(parts.map((p) => `(${p})`).join(" OR ")), unit)) };
    }
    case "invalidValues": {
      const valid = Array.isArray(args.validValues) ? args.validValues.filter((v) => v !== null) : undefined;
      const pattern = typeof args.pattern === "string" ? args.pattern : undefined;
      if (!valid && !pattern) throw new RuleProblem(input, "invalidValues needs arguments.validValues (a list) or arguments.pattern (a regular expression)");
      // A null is missing, not invalid: nullValues and missingValues count it.
      const bad: string[] = [];
      if (valid) bad.push(valid.length > 0 ? `NOT (${inList(column!, valid, family)})` : "TRUE");
      if (pattern) bad.push(`NOT ${dialect.regexMatches(`CAST(${column} AS VARCHAR)`, pattern)}`);
      return { ...base, kind, threshold, unit, sql: select(measure(countWhere(`${column} IS NOT NULL AND (${bad.join(" OR ")})`), unit)) };
    }
    case "duplicateValues": {
      // Duplicates are the rows beyond the first of each value (or combination): COUNT - COUNT(DISTINCT).
      const props = Array.isArray(args.properties) ? args.properties.map(String) : undefined;
      if (column !== undefined && !props) {
        const dupes = `COUNT(${column}) - COUNT(DISTINCT ${column})`;
        return { ...base, kind, threshold, unit, sql: select(unit === "percent" ? `CASE WHEN COUNT(*) = 0 THEN 0 ELSE 100.0 * (${dupes}) / COUNT(*) END` : dupes) };
      }
      if (!props || props.length === 0) throw new RuleProblem(input, "duplicateValues on an object needs arguments.properties, the columns that together must be unique");
      const unknown = props.filter((p) => !port.columns.some((c) => c.name === p));
      if (unknown.length > 0) throw new RuleProblem(input, `arguments.properties names ${unknown.join(", ")}, not columns of ${input.port}`);
      const cols = props.map(quoteIdent).join(", ");
      const distinct = `(SELECT COUNT(*) FROM (SELECT DISTINCT ${cols} FROM ${relation}) AS d)`;
      const dupes = `COUNT(*) - ${distinct}`;
      return { ...base, kind, threshold, unit, sql: select(unit === "percent" ? `CASE WHEN COUNT(*) = 0 THEN 0 ELSE 100.0 * (${dupes}) / COUNT(*) END` : dupes) };
    }
  }
  throw new RuleProblem(input, `metric "${metric}" is not supported`);
}

/** Schema conformity of one port: every contract column present, with a type of a compatible family. */
export function schemaCheck(port: PortShape, dialect: Dialect, relations: Relations): Check {
  return {
    id: `${port.name}:schema`,
    port: port.name,
    name: "schema",
    kind: "schema",
    severity: "error",
    dimension: "conformity",
    threshold: { operator: "mustBe", value: 0 },
    unit: "rows",
    sql: dialect.columnsQuery(relations.columnsOf(port.name)),
    expectedColumns: port.columns,
  };
}

/**
 * Freshness from the latency SLA: the newest value of the SLA's element (`object.property`), else of the port's
 * first partition key. Reported as the age in seconds, which must stay within the latency.
 */
export function freshnessCheck(port: PortShape, sla: FreshnessSla, relations: Relations): Check {
  const base = { id: `${port.name}:freshness`, port: port.name, name: "freshness", kind: "freshness" as const, severity: "error" as const, dimension: "timeliness", latencySeconds: sla.latencySeconds, threshold: { operator: "mustBeLessOrEqualTo" as const, value: sla.latencySeconds } };
  const [object, property] = sla.element?.includes(".") ? sla.element.split(".", 2) : [port.name, sla.element];
  const column = object === port.name && property && port.columns.some((c) => c.name === property) ? property : port.partitionKeys[0];
  if (!column) return { ...base, skipped: "the latency SLA names no element of this port and the port has no partition key to date the data" };
  const type = port.columns.find((c) => c.name === column)?.type ?? "string";
  return { ...base, field: column, measuredOn: glueFamily(type) === "date" ? "date" : "timestamp", sql: `SELECT CAST(MAX(${quoteIdent(column)}) AS VARCHAR) AS measured FROM ${relations.data(port.name)}` };
}

export interface CompileOptions {
  /** Add a schema-conformity check per port. @default true */
  schema?: boolean;
  /** Measure freshness against this SLA (the scheduled runner; sample data has no age). */
  freshness?: FreshnessSla;
  /** The data is a sample, not the whole table: row counts are measured and shown, not judged. @default false */
  sample?: boolean;
}

/** Compiles every rule of a product: one check per rule, plus schema (and freshness) per port. Throws RuleProblem. */
export function compileRules(ports: PortShape[], rules: RuleInput[], dialect: Dialect, relations: Relations, opts: CompileOptions = {}): Check[] {
  const checks: Check[] = [];
  for (const port of ports) {
    if (opts.schema !== false) checks.push(schemaCheck(port, dialect, relations));
    if (opts.freshness) checks.push(freshnessCheck(port, opts.freshness, relations));
  }
  for (const rule of rules) {
    const port = ports.find((p) => p.name === rule.port);
    if (!port) throw new RuleProblem(rule, `port "${rule.port}" is not published by this product`);
    const check = compileRule(rule, port, dialect, relations);
    if (opts.sample && check.kind === "rowCount") check.notJudged = "volume rule: sample data is not the whole table; the scheduled runner judges it on the live table (pass --full-table to judge it here)";
    checks.push(check);
  }
  // Two rules with one name on one field would share a metric name: number them.
  const seen = new Map<string, number>();
  for (const c of checks) {
    const n = (seen.get(c.id) ?? 0) + 1;
    seen.set(c.id, n);
    if (n > 1) c.id = `${c.id}#${n}`;
  }
  return checks;
}
