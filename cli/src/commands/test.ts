import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import { ConfigError } from "@data-mesh/components/src/config/errors";
import type { ContractModel } from "@data-mesh/components/src/contract/load";
import { compileRules, type PortShape, RuleProblem, type RuleInput, renderReport, runChecks, type RunReport } from "@data-mesh/quality/src";
import { DataInputError, resolveSampleData } from "@data-mesh/quality/src/duckdb/files";
import { LOCAL_RELATIONS, LocalEngine } from "@data-mesh/quality/src/duckdb/local";
import { DUCKDB } from "@data-mesh/quality/src/dialect";
import { CliError, EXIT } from "../errors";
import { assertOutFolder } from "../plan/write";

export interface TestOptions {
  root: string;
  /** `<domain>/<product>`. */
  product: string;
  /** A data file or folder; defaults to the product's `sample/` folder. */
  data?: string;
  out: string;
  /** The data is the whole table: judge row counts too. */
  fullTable?: boolean;
}

/** A product's ports and quality rules as the compiler reads them, from its validated contract. */
export function contractRules(contract: ContractModel, outputPorts: string[]): { ports: PortShape[]; rules: RuleInput[] } {
  const ports = outputPorts.map((name) => {
    const p = contract.ports[name]!;
    return { name, columns: [...p.columns, ...p.partitionKeys].map((c) => ({ name: c.name, type: c.glueType })), partitionKeys: p.partitionKeys.map((c) => c.name) };
  });
  const rules = outputPorts.flatMap((name) => contract.ports[name]!.quality.map((q) => ({ port: q.port, field: q.field, name: q.name, severity: q.severity, dimension: q.dimension, rule: q.definition })));
  return { ports, rules };
}

/** `mesh test <domain/product> --data <file|folder>`: the contract's quality rules on DuckDB, over sample data. */
export async function testProduct(o: TestOptions): Promise<{ text: string; report: RunReport; reportFile: string }> {
  const m = o.product.match(/^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)$/);
  if (!m) throw new CliError(EXIT.config, `${o.product}: name a product as <domain>/<product>, such as orders/order-lines`);
  assertOutFolder(o.out);
  const mesh = loadMesh(o.root);
  const domain = mesh.domains.find((d) => d.name === m[1]);
  if (!domain) throw new CliError(EXIT.config, `${o.product}: no domain ${m[1]} under ${join(o.root, "domains")} (domains: ${mesh.domains.map((d) => d.name).join(", ")})`);
  const product = domain.products.find((p) => p.name === m[2]);
  if (!product) throw new CliError(EXIT.config, `${o.product}: no product ${m[2]} in domain ${domain.name} (products: ${domain.products.map((p) => p.name).join(", ")})`);
  const productDir = join(o.root, product.dir);
  const data = o.data ?? join(productDir, "sample");
  if (!o.data && !existsSync(data)) throw new CliError(EXIT.config, `${relative(".", data) || data}: ${o.product} has no sample/ folder; pass --data <file or folder>`);

  const { ports, rules } = contractRules(product.contract, product.config.outputPorts);
  let checks;
  try {
    checks = compileRules(ports, rules, DUCKDB, LOCAL_RELATIONS, { sample: !o.fullTable });
  } catch (e) {
    if (e instanceof RuleProblem) throw new ConfigError(product.contract.file, `quality (${e.rule.field ? `${e.rule.port}.${e.rule.field}` : e.rule.port}, rule "${e.rule.name}")`, e.problem);
    throw e;
  }
  let engine: LocalEngine;
  let files: ReturnType<typeof resolveSampleData>;
  try {
    files = resolveSampleData(data, ports.map((p) => p.name));
    engine = await LocalEngine.open(ports, files);
  } catch (e) {
    if (e instanceof DataInputError) throw new CliError(EXIT.config, e.message);
    throw e;
  }
  let report: RunReport;
  try {
    const sources = Object.fromEntries(Object.entries(files).map(([port, d]) => [port, d.files.map((f) => (relative(".", f).startsWith("..") ? f : relative(".", f) || f)).join(", ")]));
    report = await runChecks(checks, engine, { product: o.product, sources });
  } finally {
    engine.close();
  }
  const reportFile = resolve(o.out, "quality", `${domain.name}`, `${product.name}.json`);
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  const title = `mesh test ${o.product}: ${report.results.length} checks on DuckDB over ${Object.values(report.sources).join("; ")}`;
  const shown = relative(".", reportFile);
  return { text: `${renderReport(report, title)}\nreport: ${shown.startsWith("..") ? reportFile : shown}`, report, reportFile };
}
