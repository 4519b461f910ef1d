import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileRules, runChecks, type PortShape, type RuleInput, type RunReport } from "../../quality/src";
import { DUCKDB } from "../../quality/src/dialect";
import { LOCAL_RELATIONS, LocalEngine } from "../../quality/src/duckdb/local";

/** Runs rules on DuckDB in process over data written to a fresh temporary file (CSV text, or JSON lines from objects). */
export async function runOn(port: PortShape, data: string | Record<string, unknown>[], rules: RuleInput[], opts: { schema?: boolean; sample?: boolean } = {}): Promise<RunReport> {
  const dir = mkdtempSync(join(tmpdir(), "quality-"));
  const file = join(dir, typeof data === "string" ? `${port.name}.csv` : `${port.name}.json`);
  writeFileSync(file, typeof data === "string" ? data : data.map((r) => JSON.stringify(r)).join("\n"));
  const checks = compileRules([port], rules, DUCKDB, LOCAL_RELATIONS, { schema: opts.schema ?? false, sample: opts.sample });
  const engine = await LocalEngine.open([port], { [port.name]: { format: typeof data === "string" ? "csv" : "json", files: [file] } });
  try {
    return await runChecks(checks, engine, { product: "test/product", sources: { [port.name]: file } });
  } finally {
    engine.close();
  }
}
