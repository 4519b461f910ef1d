import { Command, InvalidArgumentError, Option } from "commander";
import { isConfigError } from "@data-mesh/components/src/config/errors";
import { fullReportPath, plan } from "./commands/plan";
import { findingsJson, KIND_LABEL } from "./report/findings";
import { renderMarkdown } from "./report/markdown";
import { renderText } from "./report/text";
import { generate } from "./commands/generate";
import { type LineageFormat, lineage } from "./commands/lineage";
import { validate } from "./commands/validate";
import { testProduct } from "./commands/test";
import { CliError, EXIT } from "./errors";

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
    throw new InvalidArgumentError("must be a date such as 2027-01-31");
  }
  return v;
}

function buildProgram(): Command {
  const program = new Command("mesh")
    .description("The data mesh platform: plan, validate and inspect a mesh of domains and data products offline.")
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) });

  program
    .command("plan")
    .description("Run every stack's Pulumi program offline on the mock runtime and write a manifest per stack to <out>/plan/")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .option("--out <dir>", "output folder; manifests go to <out>/plan/", "out")
    .option("--base <ref-or-dir>", "compare with a base: a git ref, an earlier plan's output folder, or another mesh root")
    .option("--allow-destroy", "allow replacing or deleting stateful resources where domain.yaml also opts in (never production)")
    .addOption(new Option("--format <format>", "what to print on stdout").choices(["text", "json", "markdown"]).default("text"))
    .option("--stack <name...>", "plan only these stacks (default: all); the output folder then holds only them")
    .option("--concurrency <n>", "stacks planned at once (default: CPU count)", positiveInt)
    .option("--no-cache", "plan every stack, even those unchanged since the last plan")
    .option("--today <date>", "judge deprecation end-of-life dates as of this day, such as 2027-01-31 (default: today, UTC)", isoDate)
    .action(async (o: { root: string; out: string; base?: string; allowDestroy?: boolean; format: "text" | "json" | "markdown"; stack?: string[]; concurrency?: number; cache: boolean; today?: string }) => {
      const progress = o.format === "text" && process.stderr.isTTY;
      const report = await plan({
        root: o.root,
        out: o.out,
        base: o.base,
        allowDestroy: o.allowDestroy,
        stacks: o.stack,
        concurrency: o.concurrency,
        cache: o.cache,
        today: o.today,
        log: progress ? (line) => process.stderr.write(`${line}\n`) : undefined,
      });
      const output = {
        text: () => renderText(report),
        json: () => JSON.stringify({ ...report.summary, diff: report.comparison, ...findingsJson(report.findings, report.blocking) }, null, 2),
        markdown: () => renderMarkdown(report, fullReportPath(report)),
      }[o.format]();
      process.stdout.write(`${output}\n`);
      if (report.blocking.length > 0) throw new CliError(EXIT.blocked, `${report.blocking.length} blocking item(s): ${[...new Set(report.blocking.map((f) => KIND_LABEL[f.kind].toLowerCase()))].join(", ")} (see above)`);
    });

  program
    .command("validate")
    .description("Check mesh.yaml, every domain, product, contract and stack file, without planning")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .action((o: { root: string }) => {
      process.stdout.write(`${validate(o.root)}\n`);
    });
  program
    .command("lineage")
    .description("Print what a product is built from (upstream) and who is built from it (downstream), across all domains")
    .argument("<domain/product>", "the product, such as customers/customer-profile")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .addOption(new Option("--format <format>", "text, json or a Mermaid flowchart").choices(["text", "json", "mermaid"]).default("text"))
    .action((product: string, o: { root: string; format: LineageFormat }) => {
      process.stdout.write(`${lineage({ root: o.root, product, format: o.format })}\n`);
    });
  program
    .command("test <product>")
    .description("Run a product's contract quality rules (schema, library metrics, sql) on DuckDB over sample data: <product> is <domain>/<product>")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .option("--data <file-or-folder>", "sample data: a .csv, .json or .parquet file, or a folder with one per port (default: the product's sample/ folder)")
    .option("--out <dir>", "output folder; the JSON report goes to <out>/quality/<domain>/<product>.json", "out")
    .option("--full-table", "the data is the whole table, not a sample: judge rowCount rules too")
    .action(async (product: string, o: { root: string; data?: string; out: string; fullTable?: boolean }) => {
      const result = await testProduct({ root: o.root, product, data: o.data, out: o.out, fullTable: o.fullTable });
      process.stdout.write(`${result.text}\n`);
      if (!result.report.ok) throw new CliError(EXIT.blocked, `${result.report.summary.failedErrors} error-severity quality check(s) failed for ${product} (see above)`);
    });

  program
    .command("generate")
    .description("Write a synthetic, deterministic mesh root (for benchmarks): realistic contracts, cross-domain inputs, Kubernetes on")
    .requiredOption("--domains <n>", "number of domains", positiveInt)
    .requiredOption("--products <n>", "number of products in total", positiveInt)
    .requiredOption("--out <dir>", "folder to write the mesh root to (replaced)")
    .option("--seed <n>", "random seed", positiveInt, 42)
    .action((o: { domains: number; products: number; out: string; seed: number }) => {
      process.stdout.write(`${generate(o)}\n`);
    });
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting so tests can drive it in-process. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (typeof err.code === "string" && err.code.startsWith("commander.")) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help" ? EXIT.ok : EXIT.config;
    }
    if (isConfigError(e)) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      return EXIT.config;
    }
    if (e instanceof CliError) {
      process.stderr.write(`error: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
