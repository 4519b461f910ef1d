import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { BLUEPRINT_VERSION } from "@data-mesh/components/src/version";
import { CliError, EXIT } from "../errors";
import type { StackManifest } from "../plan/manifest";
import { runPool } from "../plan/pool";
import { preparePlan } from "../plan/prepare";
import { type PlanSummary, renderText, summarise, totals } from "../plan/summary";
import { writeAtomically } from "../plan/write";

export interface PlanOptions {
  root: string;
  out: string;
  format: "text" | "json";
  stacks?: string[];
  concurrency?: number;
}

export interface PlanResult {
  summary: PlanSummary;
  outDir: string;
}

/** `mesh plan`: every stack's program on the mock runtime, manifests and a summary under <out>/plan. */
export async function plan(opts: PlanOptions, log: (line: string) => void = () => undefined): Promise<PlanResult> {
  const prepared = preparePlan(opts.root, opts.stacks);
  const outDir = resolve(opts.out, "plan");
  const concurrency = opts.concurrency ?? Math.max(1, availableParallelism());
  log(`Planning ${prepared.jobs.length} stacks of ${prepared.root} (${concurrency} at a time)…`);
  const results = await runPool(prepared.jobs, concurrency, (r) => log(r.ok ? `  ✓ ${r.stack} (${r.resourceCount} resources)` : `  ✗ ${r.stack}`));
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) {
    throw new CliError(failed.kind === "config" ? EXIT.config : EXIT.internal, failed.kind === "config" ? failed.message : `${failed.stack}: ${failed.message}`);
  }
  const files: Record<string, string> = {};
  const stacks = results.map((r, i) => {
    if (!r.ok) throw new Error("unreachable");
    files[`${r.stack}.json`] = r.manifestJson;
    return summarise(prepared.stacks[i]!, JSON.parse(r.manifestJson) as StackManifest, r.millis);
  });
  const summary: PlanSummary = { root: prepared.root, blueprintVersion: BLUEPRINT_VERSION, stacks, totals: totals(stacks) };
  files["summary.json"] = JSON.stringify(summary, null, 2);
  writeAtomically(outDir, files);
  return { summary, outDir };
}

export { renderText };
