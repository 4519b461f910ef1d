import { compatible, type Dialect, glueFamily } from "./dialect";
import type { Check, CheckResult, RunReport } from "./model";
import { describeThreshold, satisfies } from "./threshold";

/** Runs SQL and returns rows as plain objects (values as the engine gives them: strings, numbers, booleans, null). */
export interface SqlEngine {
  readonly dialect: Dialect;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

function firstValue(rows: Record<string, unknown>[]): unknown {
  const row = rows[0];
  if (!row) return null;
  return Object.values(row)[0] ?? null;
}

/** A measured value as a number: engines return counts as strings (Athena) or big integers (DuckDB); booleans are 1/0. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === "true") return 1;
  if (value === "false") return 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Parses an engine's text of a timestamp or date as UTC (Athena prints `2026-11-29 10:00:00.000`, DuckDB `2026-11-29 10:00:00`). */
export function parseUtc(text: string): number | null {
  const t = text.trim().replace(" ", "T");
  const withZone = /([zZ]|[+-]\d{2}(:?\d{2})?)$/.test(t) || /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : `${t}Z`;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : withZone);
  return Number.isNaN(ms) ? null : ms;
}

function schemaProblems(check: Check, rows: Record<string, unknown>[], dialect: Dialect): string[] {
  const actual = new Map(rows.map((r) => [String(r.column_name).toLowerCase(), String(r.data_type)]));
  const problems: string[] = [];
  for (const col of check.expectedColumns ?? []) {
    const type = actual.get(col.name.toLowerCase());
    if (type === undefined) problems.push(`${col.name} is missing (contract: ${col.type})`);
    else if (!compatible(glueFamily(col.type), dialect.family(type))) problems.push(`${col.name} is ${type} (contract: ${col.type})`);
  }
  return problems;
}

/** Runs one check and judges it; a query that fails is an error, never a pass. */
export async function runCheck(check: Check, engine: SqlEngine, now: () => number = Date.now): Promise<CheckResult> {
  const started = performance.now();
  const result: CheckResult = {
    id: check.id,
    port: check.port,
    field: check.field,
    name: check.name,
    kind: check.kind,
    severity: check.severity,
    dimension: check.dimension,
    status: "skipped",
    measured: null,
    unit: check.unit,
    threshold: check.threshold ? describeThreshold(check.threshold, check.unit) : undefined,
    sql: check.sql,
    durationMs: 0,
  };
  if (check.skipped || !check.sql || !check.threshold) {
    result.detail = check.skipped ?? "nothing to execute";
    return result;
  }
  try {
    const rows = await engine.query(check.sql);
    if (check.kind === "schema") {
      const problems = schemaProblems(check, rows, engine.dialect);
      result.unit = "columns";
      result.measured = problems.length;
      if (problems.length > 0) result.detail = problems.join("; ");
    } else if (check.kind === "freshness") {
      const newest = firstValue(rows);
      const at = newest === null ? null : parseUtc(String(newest));
      result.unit = "seconds";
      result.threshold = `≤ ${check.latencySeconds} s`;
      if (at === null) {
        result.status = "fail";
        result.detail = newest === null ? "the table has no rows: no data is fresh" : `cannot read ${String(newest)} as a time`;
        return result;
      }
      // A date partition holds data up to the end of its day.
      const end = check.measuredOn === "date" ? at + 86_400_000 : at;
      result.measured = Math.max(0, Math.round((now() - end) / 1000));
      result.detail = `newest ${check.field} is ${String(newest)}`;
    } else {
      const value = firstValue(rows);
      result.measured = toNumber(value);
      if (result.measured === null) {
        result.status = "error";
        result.detail = `the query returned ${JSON.stringify(value)}, not a number or boolean`;
        return result;
      }
    }
    if (check.notJudged) {
      result.detail = check.notJudged;
      return result;
    }
    result.status = satisfies(result.measured!, check.threshold) ? "pass" : "fail";
  } catch (e) {
    result.status = "error";
    result.detail = `query failed: ${(e as Error).message.split("\n")[0]}`;
  } finally {
    result.durationMs = Math.round((performance.now() - started) * 10) / 10;
  }
  return result;
}

/** Does this result fail the run? Failed or errored checks of error severity do; warnings and skipped checks never do. */
export function failsRun(r: CheckResult): boolean {
  return r.severity === "error" && (r.status === "fail" || r.status === "error");
}

/** Runs checks one after another (an engine session is single-threaded; Athena queries are cheap to queue) and sums up. */
export async function runChecks(checks: Check[], engine: SqlEngine, meta: { product: string; sources: Record<string, string>; now?: () => number }): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runCheck(check, engine, meta.now));
  const failed = results.filter((r) => r.status === "fail" || r.status === "error");
  return {
    product: meta.product,
    engine: engine.dialect.name,
    startedAt,
    finishedAt: new Date().toISOString(),
    sources: meta.sources,
    summary: {
      checks: results.length,
      passed: results.filter((r) => r.status === "pass").length,
      failed: failed.length,
      failedErrors: failed.filter((r) => r.severity === "error").length,
      failedWarnings: failed.filter((r) => r.severity !== "error").length,
      skipped: results.filter((r) => r.status === "skipped").length,
      errored: results.filter((r) => r.status === "error").length,
    },
    ok: !results.some(failsRun),
    results,
  };
}
