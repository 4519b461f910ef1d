import { rmSync, writeFileSync } from "node:fs";
import { serialize } from "node:v8";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { BLUEPRINT_VERSION } from "@data-mesh/components/src/version";
import { CliError, EXIT } from "../errors";
import type { StackResult } from "../plan/job";
import { WorkerPool } from "../plan/pool";
import { preparePlan } from "../plan/prepare";
import { type PlanSummary, renderText, summarise, totals } from "../plan/summary";
import { commitStaging, createStaging, discardStaging } from "../plan/write";

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
  const outDir = resolve(opts.out, "plan");
  const concurrency = opts.concurrency ?? Math.max(1, availableParallelism());
  const staging = createStaging(outDir);
  // Workers load the SDK and providers while this process validates the mesh.
  const pool = new WorkerPool(concurrency);
  try {
    const prepared = preparePlan(opts.root, staging.dir, opts.stacks);
    const meshModel = join(staging.dir, ".mesh-model.v8");
    writeFileSync(meshModel, serialize(prepared.mesh));
    for (const job of prepared.jobs) job.meshModel = { root: prepared.root, file: meshModel };
    log(`Planning ${prepared.jobs.length} stacks of ${prepared.root} (${concurrency} at a time)…`);
    const results = await pool.run(prepared.jobs, (r) => log(r.ok ? `  ✓ ${r.stack} (${r.stats.resources} resources)` : `  ✗ ${r.stack}`));
    const stacks = results.map((r, i) => summarise(prepared.stacks[i]!, successOf(r).stats));
    const summary: PlanSummary = { root: prepared.root, blueprintVersion: BLUEPRINT_VERSION, stacks, totals: totals(stacks) };
    writeFileSync(join(staging.dir, "summary.json"), JSON.stringify(summary, null, 2));
    rmSync(meshModel);
    commitStaging(staging);
    return { summary, outDir };
  } catch (e) {
    discardStaging(staging);
    throw e;
  } finally {
    pool.stop();
  }
}

function successOf(r: StackResult): Extract<StackResult, { ok: true }> {
  if (r.ok) return r;
  throw new CliError(r.kind === "config" ? EXIT.config : EXIT.internal, r.kind === "config" ? r.message : `${r.stack}: ${r.message}`);
}

export { renderText };
