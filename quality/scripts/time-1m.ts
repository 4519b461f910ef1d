/**
 * Per-rule timing of `mesh test`'s engine on a generated 1-million-row sample (not a test; numbers for the docs):
 *   node --require tsx/cjs quality/scripts/time-1m.ts [domain/product] [rows]
 * Writes the rows as CSV (and the same rows as Parquet) to a temporary folder, loads each into DuckDB, runs every
 * compiled check of the product's contract, and prints load time and each check's time.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import { contractRules } from "@data-mesh/cli/src/commands/test";
import { compileRules, runChecks } from "../src";
import { DUCKDB, stringLiteral } from "../src/dialect";
import { LOCAL_RELATIONS, LocalEngine } from "../src/duckdb/local";
import { formatFor, SampleGenerator, serialise } from "./sample-data";

async function main(): Promise<void> {
  const [productRef = "orders/order-lines", rowsArg = "1000000"] = process.argv.slice(2);
  const rows = Number(rowsArg);
  const [domainName, productName] = productRef.split("/");
  const product = loadMesh(".").domains.find((d) => d.name === domainName)!.products.find((p) => p.name === productName)!;
  const { ports, rules } = contractRules(product.contract, product.config.outputPorts);
  if (ports.length !== 1 || formatFor(ports[0]!) !== "csv") throw new Error("pick a product with one port of scalar columns");
  const port = ports[0]!;
  const dir = mkdtempSync(join(tmpdir(), "quality-1m-"));
  try {
    const csv = join(dir, `${port.name}.csv`);
    let t = performance.now();
    const out = createWriteStream(csv);
    const pk = [...product.contract.ports[port.name]!.columns, ...product.contract.ports[port.name]!.partitionKeys].filter((c) => c.primaryKey).map((c) => c.name);
    for (const chunk of serialise(port, new SampleGenerator(7).rows(port, rules, rows, pk), "csv")) {
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    console.log(`generated ${rows.toLocaleString("en")} rows of ${productRef} (${port.columns.length} columns): ${(statSync(csv).size / 1e6).toFixed(0)} MB CSV in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const parquet = join(dir, `${port.name}.parquet`);
    const conv = await (await DuckDBInstance.create(":memory:")).connect();
    await conv.run(`COPY (SELECT * FROM read_csv(${stringLiteral(csv)}, header = true)) TO ${stringLiteral(parquet)} (FORMAT parquet)`);
    conv.closeSync();
    for (const [format, file] of [["csv", csv], ["parquet", parquet]] as const) {
      const checks = compileRules(ports, rules, DUCKDB, LOCAL_RELATIONS, { sample: false });
      t = performance.now();
      const engine = await LocalEngine.open(ports, { [port.name]: { format, files: [file] } });
      const load = performance.now() - t;
      t = performance.now();
      const report = await runChecks(checks, engine, { product: productRef, sources: { [port.name]: file } });
      const total = performance.now() - t;
      engine.close();
      console.log(`\n${format.toUpperCase()} (${(statSync(file).size / 1e6).toFixed(0)} MB): load ${(load / 1000).toFixed(2)} s, ${checks.length} checks ${(total / 1000).toFixed(2)} s, ${report.ok ? "all error rules pass" : "FAILED"}`);
      for (const r of report.results) console.log(`  ${r.durationMs.toFixed(1).padStart(8)} ms  ${r.status.padEnd(5)} ${r.id} = ${r.measured}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
