import { Command, InvalidArgumentError, Option } from "commander";
import { isConfigError } from "@data-mesh/components/src/config/errors";
import { plan, renderText } from "./commands/plan";
import { generate } from "./commands/generate";
import { validate } from "./commands/validate";
import { CliError, EXIT } from "./errors";

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
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
    .addOption(new Option("--format <format>", "what to print").choices(["text", "json"]).default("text"))
    .option("--stack <name...>", "plan only these stacks (default: all)")
    .option("--concurrency <n>", "stacks planned at once (default: CPU count)", positiveInt)
    .action(async (o: { root: string; out: string; format: "text" | "json"; stack?: string[]; concurrency?: number }) => {
      const quiet = o.format === "json" || !process.stderr.isTTY;
      const { summary, outDir } = await plan(
        { root: o.root, out: o.out, format: o.format, stacks: o.stack, concurrency: o.concurrency },
        quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
      );
      process.stdout.write(o.format === "json" ? `${JSON.stringify(summary, null, 2)}\n` : `${renderText(summary, outDir)}\n`);
    });

  program
    .command("validate")
    .description("Check mesh.yaml, every domain, product, contract and stack file, without planning")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .action((o: { root: string }) => {
      process.stdout.write(`${validate(o.root)}\n`);
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
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
