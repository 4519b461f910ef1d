import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEdit, damageBytes, type EditState } from "./support/cache-edits";
import { codeVariants } from "./support/cache-code-variants";
import { checkProperty, runs } from "./support/fuzz";
import { buildMesh } from "./support/mesh-arbitrary";
import { meshFiles, scratchDir, writeMeshRoot } from "./support/mesh-files";

// The cache invariant end to end (issue 8): for any sequence of edits (config, contract, domain, mesh.yaml,
// prices, a broken file, a revert, another version of the component code, damage to out/.cache and out/plan), a
// plan with a warm out/.cache writes byte-identical manifests, diff.json and plan.md, the same summary (but for
// timings and the `cached` marks) and the same exit code and error as a plan with --no-cache.
// Real plans (the CLI's plan command, real workers running the real program) cost about a second each, so this
// is a sample on tiny generated meshes, with one reused worker pool per version of the code;
// cache-layers.property.ts checks each cache layer in-process over a thousand sequences.

type PlanModule = typeof import("../../cli/src/commands/plan");
type PoolModule = typeof import("../../cli/src/plan/pool");
type Pool = InstanceType<PoolModule["WorkerPool"]>;

interface PlannerVariant {
  name: string;
  plan: PlanModule["plan"];
  WorkerPool: PoolModule["WorkerPool"];
  pool?: Pool;
}

const OPTIONS = { maxDomains: 2, maxProducts: 2, forPlan: true, names: "unique" } as const;
const { variants, cleanup } = codeVariants();
const planners: PlannerVariant[] = [];
const scratch = mkdtempSync(join(scratchDir(), "cache-plans-"));
const seen = { plans: 0, exit0: 0, exit3: 0, exit2: 0, cachedStacks: 0, switches: 0, damaged: 0 };

beforeAll(async () => {
  for (const v of variants) {
    const [planModule, poolModule] = await Promise.all([import(join(v.dir, "cli/src/commands/plan.ts")) as Promise<PlanModule>, import(join(v.dir, "cli/src/plan/pool.ts")) as Promise<PoolModule>]);
    planners.push({ name: v.name, plan: planModule.plan, WorkerPool: poolModule.WorkerPool });
  }
}, 300_000);

afterAll(() => {
  for (const p of planners) p.pool?.stop();
  console.log(`cache plans: ${JSON.stringify(seen)}`);
  rmSync(scratch, { recursive: true, force: true });
  cleanup();
});

/** The workers of one version of the code, started on first use and kept for every later plan. */
function poolOf(p: PlannerVariant): Pool {
  p.pool ??= new p.WorkerPool(2, 2);
  return p.pool;
}

/** What the user sees of a plan: exit code, error line, and every file it wrote (normalised where noted). */
interface Seen {
  exit: number;
  error?: string;
  files: Record<string, string>;
  cached: number;
}

async function runPlan(p: PlannerVariant, root: string, out: string, base: string | undefined, cache: boolean): Promise<Seen> {
  seen.plans++;
  try {
    const report = await p.plan({ root, out, base, cache, pool: poolOf(p) });
    const dir = join(out, "plan");
    const files: Record<string, string> = {};
    for (const f of readdirSync(dir).sort()) {
      let text = readFileSync(join(dir, f), "utf8");
      // plan.md names the full report by its path relative to the current folder: the two plans write to two folders.
      if (f === "plan.md") text = text.replaceAll(relative(process.cwd(), out), "<out>");
      // Timings differ from run to run, and `cached` says which stacks the cache served: everything else must not.
      if (f === "summary.json") text = JSON.stringify(JSON.parse(text, (k, v) => (k === "millis" || k === "cached" ? undefined : v)), null, 1);
      files[f] = text;
    }
    const exit = report.blocking.length > 0 ? 3 : 0;
    seen[exit === 0 ? "exit0" : "exit3"]++;
    return { exit, files, cached: report.summary.stacks.filter((s) => s.cached).length };
  } catch (e) {
    const err = e as Error & { exitCode?: number };
    if (err.name === "ConfigError" || err.name === "ConfigErrors") {
      seen.exit2++;
      return { exit: 2, error: err.message, files: {}, cached: 0 };
    }
    if (err.name === "CliError") return { exit: err.exitCode ?? 1, error: err.message, files: {}, cached: 0 };
    throw e;
  }
}

function damage(g: fc.GeneratorValue, out: string, story: string[]): void {
  const files = [join(out, ".cache", "products.v8"), ...[join(out, ".cache", "plan"), join(out, "plan")].flatMap((d) => (existsSync(d) ? readdirSync(d).map((f) => join(d, f)) : []))].filter(existsSync);
  for (const file of files.filter(() => g(fc.nat, 3) === 0)) {
    const { data, how } = damageBytes(g, readFileSync(file));
    writeFileSync(file, data);
    story.push(`  ${relative(out, file)} ${how}`);
    seen.damaged++;
  }
}

/** Plans `root` warm (into `warm`, whose cache persists) and cold (--no-cache); both must show the same. */
async function expectWarmEqualsCold(p: PlannerVariant, root: string, warm: string, cold: string, base: string | undefined, story: string[]): Promise<Seen> {
  const w = await runPlan(p, root, warm, base, true);
  const c = await runPlan(p, root, cold, base, false);
  const at = `(${p.name}) after:\n${story.join("\n")}`;
  expect({ exit: w.exit, error: w.error }, at).toEqual({ exit: c.exit, error: c.error });
  expect(Object.keys(w.files), at).toEqual(Object.keys(c.files));
  for (const f of Object.keys(c.files)) expect(w.files[f], `${f} ${at}`).toBe(c.files[f]);
  seen.cachedStacks += w.cached;
  return w;
}

describe("warm plans against cold plans", () => {
  it("a changed parser default, a component edit and a price change each reach a warm plan (the issue's exact bug)", async () => {
    const dir = mkdtempSync(join(scratch, "scripted-"));
    const root = join(dir, "root");
    cpSync(join(__dirname, "..", "fixtures", "mini"), root, { recursive: true });
    const warm = join(dir, "warm");
    const base = join(dir, "base");
    const story = ["test/fixtures/mini"];
    expect((await runPlan(planners[0]!, root, warm, undefined, true)).exit).toBe(0);
    cpSync(join(warm, "plan"), base, { recursive: true });
    const variantOrder = [1, 2, 3, 0, 1];
    expect(variantOrder.map((i) => planners[i]!.name)).toContain("product.ts: default pipeline CPU 750m");
    for (const i of variantOrder) {
      story.push(`code: ${planners[i]!.name}`);
      const w = await expectWarmEqualsCold(planners[i]!, root, warm, join(dir, "cold"), base, story);
      expect(w.exit, story.join("\n")).toBe(0);
      const diff = JSON.parse(w.files["diff.json"]!) as { totals: Record<string, number> };
      // Each version of the code changes something against the base, except the committed one.
      if (i !== 0 && i !== 3) expect(diff.totals.update, story.join("\n")).toBeGreaterThan(0);
    }
    // A plan of an unchanged mesh with unchanged code is served from the cache.
    const again = await expectWarmEqualsCold(planners[1]!, root, warm, join(dir, "cold"), base, [...story, "nothing"]);
    expect(again.cached).toBeGreaterThan(0);
  }, 600_000);

  it("for any sequence of edits, a warm plan writes what a --no-cache plan writes and exits alike", async () => {
    let caseNo = 0;
    await checkProperty("cache/warm-vs-cold-plans", fc.asyncProperty(fc.gen(), async (g) => {
      const dir = join(scratch, String(caseNo++));
      const root = join(dir, "root");
      const warm = join(dir, "warm");
      const state: EditState = { gen: buildMesh(g, OPTIONS), history: [], variant: 0 };
      const story: string[] = [];
      try {
        mkdirSync(root, { recursive: true });
        writeMeshRoot(root, meshFiles(state.gen));
        const first = await runPlan(planners[0]!, root, warm, undefined, true);
        // The base of every later diff: this first plan's output folder.
        const base = first.exit === 0 || first.exit === 3 ? join(dir, "base") : undefined;
        if (base) cpSync(join(warm, "plan"), base, { recursive: true });
        const steps = g(fc.integer, { min: 1, max: 3 });
        for (let step = 0; step < steps; step++) {
          const edit = applyEdit(g, state, planners.length);
          story.push(`${edit.kind}: ${edit.what}`);
          if (edit.kind === "code") seen.switches++;
          if (edit.kind === "damage") damage(g, warm, story);
          writeMeshRoot(root, meshFiles(state.gen));
          await expectWarmEqualsCold(planners[state.variant]!, root, warm, join(dir, "cold"), base, story);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), runs(20));
    // Not vacuous: plans succeeded, warm plans were served from the cache, and the code changed under it.
    for (const k of ["exit0", "cachedStacks", "switches"] as const) expect(seen[k], k).toBeGreaterThan(0);
  }, 900_000);
});
