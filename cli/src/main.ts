import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { ConfigErrors, isConfigError } from "@data-mesh/components/src/config/errors";
import { BLUEPRINT_VERSION } from "@data-mesh/components/src/version";
import { fullReportPath, plan } from "./commands/plan";
import { mergeShards, planShard } from "./commands/plan-shard";
import { parseShard } from "./plan/shard";
import type { WorkerPool } from "./plan/pool";
import type { PlanReport } from "./report/model";
import { findingsJson, KIND_LABEL } from "./report/findings";
import { renderMarkdown } from "./report/markdown";
import { renderText } from "./report/text";
import { generate } from "./commands/generate";
import { type LineageFormat, lineage } from "./commands/lineage";
import { validate } from "./commands/validate";
import { registerCatalogCommands } from "./commands/register-catalog";
import { CliError, EXIT, fileSystemError } from "./errors";
import { refuseEmptyPathOptions } from "./path-options";
import { COLUMNS_HELP } from "./scaffold/columns";
import { newDomain, newInput, newProduct } from "./commands/new";
import { codeOwners } from "./commands/codeowners";
import { type DeployAction, deploy } from "./commands/deploy";
import { interactive } from "./scaffold/answers";
import { registerServerCommands } from "./commands/server";
import { colourWanted, progressWanted, style } from "./terminal/style";

const EXIT_CODES_HELP = `
Exit codes:
  0  done; nothing blocks
  1  internal error (a bug: please report it with the output)
  2  invalid input: a config file or a flag (every problem is listed, each naming the file and field); nothing written
  3  blocked: the plan would lose data or breaks a mandatory governance rule (see BLOCKED in the output)
  4  missing tool, login or credentials (mesh preview/up/destroy): the message says what to install or set
  other  mesh preview/up/destroy pass on the Pulumi CLI's own exit code`;

const EXAMPLES_HELP = `
Examples:
  mesh validate                                   check every config file, report all problems at once
  mesh plan                                       plan every stack offline; summary first, details in out/plan/
  mesh plan --base origin/main --verbose          what a change does against main, with per-stack details
  mesh new domain billing --description "Invoices and payments of every order" --team billing \\
      --email billing@example.com --cost-center CC-2001
  mesh new product billing invoices --description "Every invoice issued, one row per invoice" \\
      --image registry.example.com/billing/invoices:1.0.0 --columns invoice_id,order_id,amount:number
  mesh new input analytics/churn billing/invoices/invoices@1 --fields invoice_id,amount \\
      --purpose "Revenue per customer for churn scoring" --approve --approved-by owner@example.com
  mesh preview --stack billing-dev                pulumi preview with the policy pack, after the offline plan passes`;

function cliVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;
}

/** Flag values by flag name (commander keys them by camelCase attribute); booleans as "true". */
function flagValues(cmd: Command): Record<string, string | undefined> {
  const values = cmd.opts() as Record<string, unknown>;
  const out: Record<string, string | undefined> = {};
  for (const o of cmd.options) {
    const v = values[o.attributeName()];
    if (v !== undefined && o.long) out[o.long.slice(2)] = typeof v === "string" ? v : String(v);
  }
  return out;
}

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

/**
 * Progress lines on stderr for a person at a terminal; MESH_PROGRESS=1 asks for them in any format (a plan relays
 * its base's progress that way, see diff/base.ts).
 */
function progressLog(format: string): ((line: string) => void) | undefined {
  const wanted = process.env.MESH_PROGRESS === "1" || (format === "text" && progressWanted(process.stderr));
  return wanted ? (line) => process.stderr.write(`${line}\n`) : undefined;
}

/** Prints a plan (or a merge of shards) in the chosen format and turns blocking findings into exit 3. */
function printPlanReport(report: PlanReport, o: { out: string; format: "text" | "json" | "markdown"; verbose?: boolean }): void {
  const output = {
    text: () => renderText(report, { verbose: o.verbose, style: style(colourWanted(process.stdout)) }),
    json: () => JSON.stringify({ ...report.summary, diff: report.comparison, ...findingsJson(report.findings, report.blocking) }, null, 2),
    markdown: () => renderMarkdown(report, fullReportPath(report)),
  }[o.format]();
  process.stdout.write(`${output}\n`);
  if (o.format === "text") process.stdout.write(`Catalog: ${resolve(o.out, "catalog", "index.html")}\n`);
  if (report.blocking.length > 0) throw new CliError(EXIT.blocked, `${report.blocking.length} blocking item(s): ${[...new Set(report.blocking.map((f) => KIND_LABEL[f.kind].toLowerCase()))].join(", ")} (see above)`);
}

/** What a resident plan server lends each command it runs: its warm plan workers (cli/src/server/). */
export interface Resident {
  pool: WorkerPool;
}

/** The resident workers for a plan, unless `--concurrency` asks for another number of them. */
function residentPool(resident: Resident | undefined, concurrency: number | undefined): WorkerPool | undefined {
  return resident && (concurrency === undefined || concurrency === resident.pool.size) ? resident.pool : undefined;
}

function buildProgram(resident?: Resident): Command {
  const program = new Command("mesh")
    .description("The data mesh platform: plan, validate and inspect a mesh of domains and data products offline.")
    .version(`mesh ${cliVersion()} (blueprint ${BLUEPRINT_VERSION})`, "-V, --version", "print the CLI and blueprint versions")
    .exitOverride()
    // Options after a subcommand's subcommand are its own (`mesh plan merge --out x`), not its parent's.
    .enablePositionalOptions()
    .showHelpAfterError()
    .addHelpText("after", `${EXAMPLES_HELP}\n${EXIT_CODES_HELP}`)
    .configureOutput({ outputError: (s, write) => write(s) })
    // Runs before every subcommand's action (registered ones included): no command accepts an empty path.
    .hook("preAction", (_program, action) => refuseEmptyPathOptions(action));

  const planCommand = program
    .command("plan")
    .description("Run every stack's Pulumi program offline on the mock runtime and write a manifest per stack to <out>/plan/")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .option("--out <dir>", "output folder; manifests go to <out>/plan/", "out")
    .option("--base <ref-or-dir>", "compare with a base: a git ref, an earlier plan's output folder, or another mesh root")
    .option("--allow-destroy", "allow replacing or deleting stateful resources where domain.yaml also opts in (never production)")
    .addOption(new Option("--format <format>", "what to print on stdout").choices(["text", "json", "markdown"]).default("text"))
    .option("--stack <name...>", "plan only these stacks (default: all); the output folder then holds only them")
    .option("--shard <K/N>", "plan only the K-th of N shards of the stacks, balanced by resource count (CI runners); join them with `mesh plan merge`")
    .option("--concurrency <n>", "stacks planned at once (default: CPU count)", positiveInt)
    .option("--no-cache", "plan every stack, even those unchanged since the last plan")
    .option("-v, --verbose", "text format: per stack, product costs, advisory findings and resources by type")
    .option("--today <date>", "judge deprecation end-of-life dates as of this day, such as 2027-01-31 (default: today, UTC)", isoDate)
    // `mesh plan merge --out x`: the options after `merge` are merge's, not plan's.
    .enablePositionalOptions()
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (o: { root: string; out: string; base?: string; allowDestroy?: boolean; format: "text" | "json" | "markdown"; stack?: string[]; shard?: string; concurrency?: number; cache: boolean; verbose?: boolean; today?: string }) => {
      const planOptions = { root: o.root, out: o.out, base: o.base, allowDestroy: o.allowDestroy, stacks: o.stack, concurrency: o.concurrency, cache: o.cache, today: o.today, log: progressLog(o.format), pool: residentPool(resident, o.concurrency) };
      if (o.shard !== undefined) {
        const shard = parseShard(o.shard);
        const r = await planShard({ ...planOptions, shard });
        const line = `Shard ${shard.index}/${shard.count}: planned ${r.stacks.length} of ${r.allStacks} stacks (${r.resources} resources)${r.baseStacks ? ` and ${r.baseStacks.length} stacks of the base` : ""} into ${r.outDir}. Join all ${shard.count} with: mesh plan merge <their --out folders>`;
        process.stdout.write(`${o.format === "json" ? JSON.stringify(r, null, 2) : line}\n`);
        return;
      }
      const report = await plan(planOptions);
      printPlanReport(report, o);
    });
  planCommand
    .command("merge")
    .description("Join the output folders of `mesh plan --shard 1/N` … `N/N` into one plan, identical to an unsharded `mesh plan` (same files, findings and exit code)")
    .argument("<dirs...>", "the --out folder (or its plan/ folder) of every shard")
    .option("--root <dir>", "mesh root the shards planned (validated again for the mesh-wide findings)", ".")
    .option("--out <dir>", "output folder; the merged plan goes to <out>/plan/", "out")
    .addOption(new Option("--format <format>", "what to print on stdout").choices(["text", "json", "markdown"]).default("text"))
    .option("-v, --verbose", "text format: per stack, product costs, advisory findings and resources by type")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (dirs: string[], o: { root: string; out: string; format: "text" | "json" | "markdown"; verbose?: boolean }) => {
      const report = await mergeShards({ dirs, root: o.root, out: o.out, log: progressLog(o.format) });
      printPlanReport(report, o);
    });

  program
    .command("validate")
    .description("Check mesh.yaml, every domain, product, contract and stack file, without planning; lists every problem at once")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .addHelpText("after", EXIT_CODES_HELP)
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
      // Loaded on use: the quality runner brings DuckDB's native bindings (~180 modules), which no other command needs.
      const { testProduct } = require("./commands/test") as typeof import("./commands/test");
      const result = await testProduct({ root: o.root, product, data: o.data, out: o.out, fullTable: o.fullTable });
      process.stdout.write(`${result.text}\n`);
      if (!result.report.ok) throw new CliError(EXIT.blocked, `${result.report.summary.failedErrors} error-severity quality check(s) failed for ${product} (see above)`);
    });

  program
    .command("generate")
    .description("Write a synthetic, deterministic mesh root (for benchmarks): realistic contracts, cross-domain inputs, Kubernetes on")
    .requiredOption("--domains <n>", "number of domains", positiveInt)
    .requiredOption("--products <n>", "number of products in total", positiveInt)
    .requiredOption("--out <dir>", "folder to write the mesh root to: missing, empty, or written by an earlier mesh generate (then replaced)")
    .option("--seed <n>", "random seed", positiveInt, 42)
    .action((o: { domains: number; products: number; out: string; seed: number }) => {
      process.stdout.write(`${generate(o)}\n`);
    });
  program
    .command("codeowners")
    .description("Write .github/CODEOWNERS: each domain's folder and stacks to its owner team (domain.yaml), the rest to the platform team (mesh.yaml codeOwners)")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .option("--check", "write nothing; exit 2 when the file is out of date (CI)")
    .action((o: { root: string; check?: boolean }) => {
      process.stdout.write(`${codeOwners(o)}\n`);
    });
  addNewCommands(program);
  addDeployCommands(program);
  registerCatalogCommands(program);
  registerServerCommands(program);
  return program;
}

function addDeployCommands(program: Command): void {
  const what: Record<DeployAction, string> = {
    preview: "pulumi preview of one stack with the policy pack, after its offline plan passes the gate",
    up: "pulumi up of one stack with the policy pack, after its offline plan passes the gate",
    destroy: "pulumi destroy of one non-production stack, behind the double opt-in (domain.yaml allowDestroy and --allow-destroy)",
  };
  for (const action of ["preview", "up", "destroy"] as const) {
    program
      .command(action)
      .description(`${what[action]}; needs the Pulumi CLI, a Pulumi login and AWS credentials`)
      .requiredOption("--stack <name>", "the stack, such as orders-dev")
      .option("--root <dir>", "mesh root and Pulumi project folder (with Pulumi.yaml)", ".")
      .option("--out <dir>", "output folder of the gating offline plan", "out")
      .option("--base <ref-or-dir>", "compare the gating plan with a base (e.g. deployed/main) to catch data loss")
      .option("--allow-destroy", "the deployer's half of the double opt-in to lose data (never production)")
      .addHelpText("after", EXIT_CODES_HELP)
      .action(async (o: { stack: string; root: string; out: string; base?: string; allowDestroy?: boolean }) => {
        await deploy(action, { ...o, write: (s) => process.stdout.write(s), writeError: (s) => process.stderr.write(s) });
      });
  }
}

function addNewCommands(program: Command): void {
  const scaffold = program
    .command("new")
    .description("Scaffold a domain, a product or an input: flags for everything, prompts only on a terminal; checks the whole mesh before writing, never overwrites")
    .addHelpText("after", `${EXAMPLES_HELP}\n${EXIT_CODES_HELP}`);
  const root = (c: Command) => c.option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".");
  const run = async (cmd: Command, make: (opts: { root: string; flags: Record<string, string | undefined>; ask: boolean }) => Promise<string>) => {
    const flags = flagValues(cmd);
    process.stdout.write(`${await make({ root: flags.root ?? ".", flags, ask: interactive() })}\n`);
  };
  root(scaffold.command("domain <name>"))
    .description("A domain: domains/<name>/domain.yaml and stacks/Pulumi.<name>-<env>.yaml for each environment of mesh.yaml")
    .option("--description <text>", "what the domain covers (at least 10 characters)")
    .option("--team <slug>", "owning team, such as order-management")
    .option("--email <address>", "team email (alerts)")
    .option("--slack <channel>", 'team Slack channel, such as "#orders-data"')
    .option("--cost-center <id>", "cost centre, such as CC-1042")
    .option("--compliance <list>", "comma-separated regimes: hipaa, pci, gdpr, sox")
    .option("--environments <list>", "comma-separated environments of mesh.yaml (default: all)")
    .option("--accounts <list>", "AWS account per environment, env=account,… (default: mesh.yaml's)")
    .option("--region <region>", "AWS region for every environment (default: mesh.yaml's per environment)")
    .option("--kubernetes", "run pipelines on each environment's EKS cluster (where mesh.yaml names one)")
    .option("--allow-destroy", "non-production environments opt in to losing data (the domain's half of the double opt-in)")
    .action(async (name: string, _o: unknown, cmd: Command) => run(cmd, (o) => newDomain(name, o)));
  root(scaffold.command("product <domain> <name>"))
    .description("A product: product.yaml and contract.odcs.yaml (ODCS v3.1) from documented templates; plans at once")
    .option("--description <text>", "what the product is (at least 10 characters)")
    .option("--image <ref>", "pipeline image pinned to a tag or digest, such as registry.example.com/team/job:1.0.0")
    .option("--port <name>", "output port, a snake_case schema object (default: the name with underscores)")
    .option("--classification <level>", "public, internal, confidential or restricted (default: internal)")
    .option("--columns <list>", `columns: ${COLUMNS_HELP} (default: id)`)
    .option("--schedule <cron>", 'pipeline schedule, cron in UTC (default: "0 * * * *")')
    .option("--purpose <text>", "purpose on the catalog page (default: the description)")
    .option("--owner <email>", "accountable owner (default: the domain's email)")
    .option("--latency <duration>", "freshness SLA such as 15min, 1h, 1d (default: 1d)")
    .option("--retention <duration>", "how long data is kept, such as 90d, 7y (default: 1y)")
    .option("--tags <list>", "comma-separated tags")
    .option("--auto-approve <list>", "consumers granted without approval (domain or domain/product, comma-separated)")
    .option("--cpu <quantity>", "pipeline CPU (default: 500m)")
    .option("--memory <quantity>", "pipeline memory (default: 1Gi)")
    .action(async (domain: string, name: string, _o: unknown, cmd: Command) => run(cmd, (o) => newProduct(domain, name, o)));
  root(scaffold.command("input <consumer> <port-ref>"))
    .description("An input of <consumer> (domain/product) reading <port-ref> (domain/product/port@major); prints the approval the producer must add, or adds it with --approve")
    .option("--fields <list>", "comma-separated fields read (column-level grants are made for them)")
    .option("--purpose <text>", "why the data is read (at least 10 characters)")
    .option("--approve", "also add the approval to the producer's product.yaml (run by the producer)")
    .option("--approved-by <email>", "with --approve: who approves")
    .option("--ticket <id>", "with --approve: the approval's ticket")
    .action(async (consumer: string, ref: string, _o: unknown, cmd: Command) => run(cmd, (o) => newInput(consumer, ref, o)));
}

/** Runs the CLI; returns the exit code instead of exiting so tests can drive it in-process. */
export async function main(argv: string[], resident?: Resident): Promise<number> {
  try {
    await buildProgram(resident).parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (typeof err.code === "string" && err.code.startsWith("commander.")) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help" ? EXIT.ok : EXIT.config;
    }
    if (isConfigError(e)) {
      const errors = e instanceof ConfigErrors ? e.errors : [e];
      for (const x of errors) process.stderr.write(`error: ${x.message}\n`);
      if (errors.length > 1) process.stderr.write(`${errors.length} problems; nothing was planned or written\n`);
      return EXIT.config;
    }
    const fsError = fileSystemError(e);
    const cliError = e instanceof CliError ? e : fsError;
    if (cliError) {
      for (const line of cliError.message.split("\n")) process.stderr.write(`error: ${line}\n`);
      return cliError.exitCode;
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
