import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { serialize } from "node:v8";
import type { MeshModel } from "@data-mesh/components/src/config/model";
import { BLUEPRINT_VERSION } from "@data-mesh/components/src/version";
import { buildLineage } from "@data-mesh/components/src/lineage";
import { type BaseManifests, type BaseSource, openBase, type PlanMeshRoot } from "../diff/base";
import { type Comparison, compare } from "../diff/compare";
import type { StackDiff } from "../diff/stack-diff";
import { CliError, EXIT } from "../errors";
import { PlanCache } from "../plan/cache";
import { codeFingerprint } from "../plan/fingerprint";
import type { StackResult, StackStats } from "../plan/job";
import { WorkerPool } from "../plan/pool";
import { digestOfSecretKey, type PreparedPlan, preparePlan } from "../plan/prepare";
import { PersistentProductCache } from "../plan/product-cache";
import { type PlanSummary, type StackSummary, summarise, totals } from "../plan/summary";
import { mark } from "../plan/timing";
import { assertReplaceable, commitStaging, createStaging, discardStaging, type Staging } from "../plan/write";
import { renderMarkdown, type ReportLocation } from "../report/markdown";
import { writeCatalog } from "./catalog";
import type { PlanReport } from "../report/model";
import { blockingFindings, collectFindings } from "../findings/gate";
import { FINDING_SOURCES } from "../findings/sources";
import { writeSnapshot } from "../contract-evolution/snapshot";
import { isoToday } from "@data-mesh/components/policies/runner";

export interface PlanOptions {
  root: string;
  out: string;
  stacks?: string[];
  concurrency?: number;
  /** Reuse manifests of unchanged stacks from <out>/.cache. @default true */
  cache?: boolean;
  /** A plan output folder, a mesh root or a git ref to compare with. */
  base?: string;
  /** The deployer's half of the double opt-in to replace or delete stateful resources. */
  allowDestroy?: boolean;
  /** Today's date (YYYY-MM-DD) for date-dependent findings; the clock when not given. */
  today?: string;
  /** Progress lines for a terminal. */
  log?: (line: string) => void;
  /** Plan workers to use (and leave running) instead of starting new ones: for callers that plan many times. */
  pool?: WorkerPool;
  /** Also write the catalog site to <out>/catalog/ (not for a base). @default true */
  catalog?: boolean;
}

function successOf(r: StackResult): Extract<StackResult, { ok: true }> {
  if (r.ok) return r;
  throw new CliError(r.kind === "config" ? EXIT.config : EXIT.internal, r.kind === "config" ? r.message : `${r.stack}: ${r.message}`);
}

/** The double opt-in for one stack: domain.yaml's allowDestroy in a non-production environment, and the flag. */
function destroyAllowedFor(mesh: MeshModel, allowDestroy: boolean): (d: StackDiff) => boolean {
  return (d) => {
    if (!allowDestroy) return false;
    const env = mesh.domains.find((x) => x.name === d.domain)?.config.environments[d.env];
    return Boolean(env?.allowDestroy && !mesh.config.environments[d.env]?.production);
  };
}

/** Plans the base of a comparison: the base's CLI for a git ref, this one for a mesh root. */
const planBaseRoot: PlanMeshRoot = async (root, out, o) => {
  await plan({ root, out, cache: o.cache, stacks: o.only, catalog: false, log: o.log });
};

/** What planning the head produced: the validated mesh, and the stats of the stacks planned (in `picked` order). */
export interface HeadPlan {
  prepared: PreparedPlan;
  /** Indexes into prepared.jobs of the stacks this run planned or restored. */
  picked: number[];
  /** Stats and whether they came from the cache, per picked stack. */
  stats: StackStats[];
  cached: boolean[];
  /** The digest of the key of secret digests in the manifests. */
  secretKeyDigest: string;
}

/**
 * Validates the mesh and plans the stacks `select` keeps (all by default) into `stagingDir`: unchanged stacks come
 * from the cache, the others from the workers. Nothing is written under <out> unless the mesh is valid.
 */
export async function planHead(opts: PlanOptions, stagingDir: string, cache: PlanCache, pool: WorkerPool, select?: (prepared: PreparedPlan) => Set<string>): Promise<HeadPlan> {
  const log = opts.log ?? (() => undefined);
  const productCache = opts.cache === false ? undefined : new PersistentProductCache(resolve(opts.out, ".cache", "products.v8"), codeFingerprint());
  const secret = secretKey(resolve(opts.out, ".cache", "secret-key"));
  mark("workers started");
  const prepared = preparePlan(opts.root, stagingDir, { only: opts.stacks, productCache, allowDestroy: opts.allowDestroy, missingInputFields: "record", secretKey: secret.key });
  mark("mesh validated and stacks resolved");
  // Only now that the mesh is valid may anything be written under <out>.
  productCache?.save();
  secret.keep();
  process.env.MESH_SECRET_KEY = secret.key;
  const keep = select?.(prepared);
  const picked = prepared.jobs.map((_, i) => i).filter((i) => !keep || keep.has(prepared.jobs[i]!.stack));
  const stats = picked.map((i) => (opts.cache === false ? undefined : cache.restore(prepared.jobs[i]!.stack, prepared.fingerprints[i]!, prepared.jobs[i]!.manifestFile)));
  const todo = picked.map((i, k) => ({ job: prepared.jobs[i]!, i, k })).filter(({ k }) => !stats[k]);
  const meshModel = join(stagingDir, ".mesh-model.v8");
  if (todo.length > 0) {
    const model = serialize(prepared.mesh);
    writeFileSync(meshModel, model);
    // Workers keep the last model they loaded: the digest, not the file name, tells them it changed.
    const digest = createHash("sha256").update(model).digest("hex");
    const umask = process.umask();
    for (const { job } of todo) Object.assign(job, { meshModel: { root: prepared.root, file: meshModel, digest }, secretKey: secret.key, umask });
  }
  mark(`cache checked: ${todo.length} to plan`);
  log(`Planning ${todo.length} of ${picked.length} stacks of ${prepared.root} (${picked.length - todo.length} unchanged, from cache)…`);
  const results = await pool.run(todo.map((t) => t.job), (r) => log(r.ok ? `  ✓ ${r.stack} (${r.stats.resources} resources)` : `  ✗ ${r.stack}`));
  if (!opts.pool) pool.stop();
  results.forEach((r, n) => {
    const { job, i, k } = todo[n]!;
    stats[k] = successOf(r).stats;
    // Only what this run planned, from the model it validated itself, becomes a cache entry.
    cache.store(job.stack, prepared.fingerprints[i]!, job.manifestFile, stats[k]!);
  });
  rmSync(meshModel, { force: true });
  mark("stacks planned");
  const cached = picked.map((_, k) => !todo.some((t) => t.k === k));
  return { prepared, picked, stats: stats as StackStats[], cached, secretKeyDigest: digestOfSecretKey(secret.key) };
}

/** What the last step of a plan needs: the planned head in staging, and the base to compare with. */
export interface FinishInput {
  opts: Pick<PlanOptions, "out" | "allowDestroy" | "stacks" | "catalog">;
  prepared: PreparedPlan;
  staging: Staging;
  stacks: StackSummary[];
  base?: { dir: string; label: string; root?: string };
  today: string;
  log: (line: string) => void;
}

/**
 * Compares with the base, collects every finding over the whole mesh, and writes summary.json, plan.md,
 * diff.json, lineage.json, contracts.json and the catalog: the same code for a plan and a merge of shards.
 */
export function finishPlan({ opts, prepared, staging, stacks, base, today }: FinishInput): PlanReport {
  const outDir = resolve(opts.out, "plan");
  const summary: PlanSummary = { root: prepared.root, blueprintVersion: BLUEPRINT_VERSION, stacks, totals: totals(stacks) };
  let comparison: Comparison | undefined;
  if (base) {
    comparison = compare(base.label, base.dir, staging.dir, destroyAllowedFor(prepared.mesh, opts.allowDestroy ?? false), prepared.mesh.config.pricing.overrides, opts.stacks);
    writeFileSync(join(staging.dir, "diff.json"), JSON.stringify(comparison, null, 1));
    mark("compared with the base");
  }
  // One gate: every concern reports findings through FINDING_SOURCES; only blocking findings stop the plan.
  const findings = collectFindings(FINDING_SOURCES, { mesh: prepared.mesh, summary, comparison, headDir: staging.dir, base, today });
  const blocking = blockingFindings(findings);
  const report: PlanReport = { summary, outDir, comparison, findings, blocking };
  writeSnapshot(staging.dir, prepared.mesh);
  writeFileSync(join(staging.dir, "summary.json"), JSON.stringify({ ...summary, diff: comparison && { base: comparison.base, totals: comparison.totals }, findings, blocking }, null, 2));
  writeFileSync(join(staging.dir, "plan.md"), renderMarkdown(report, fullReportPath(report)));
  writeFileSync(join(staging.dir, "lineage.json"), JSON.stringify(buildLineage(prepared.mesh), null, 1));
  commitStaging(staging);
  mark("written");
  if (opts.catalog !== false) {
    writeCatalog(prepared.mesh, opts.out, { stacks });
    mark("catalog written");
  }
  return report;
}

/** The base of a plan, checked before anything is planned (a missing one costs nothing and writes nothing). */
export function openBaseOf(opts: PlanOptions): BaseSource | undefined {
  return opts.base === undefined ? undefined : openBase(opts.base, resolve(opts.root), planBaseRoot);
}

/** The base's own plan cache, beside the head's: <out>/.cache/base (none with --no-cache). */
export function baseCacheDir(opts: PlanOptions): string | undefined {
  return opts.cache === false ? undefined : resolve(opts.out, ".cache", "base");
}

/**
 * `mesh plan`: validate the mesh, run every changed stack's program on the mock runtime (unchanged stacks come
 * from the cache), compare with a base when asked, and write <out>/plan/: a manifest per stack, summary.json,
 * plan.md and, with a base, diff.json. Nothing is written unless every stack planned.
 */
export async function plan(opts: PlanOptions): Promise<PlanReport> {
  const log = opts.log ?? (() => undefined);
  const baseSource = openBaseOf(opts);
  const outDir = resolve(opts.out, "plan");
  const concurrency = opts.concurrency ?? Math.max(1, availableParallelism());
  // Both folders this plan replaces are checked before any work: neither may be someone else's.
  if (opts.catalog !== false) assertReplaceable(resolve(opts.out, "catalog"));
  const staging = createStaging(outDir);
  // Workers load the SDK and providers while this process validates the mesh: all of them when nothing is cached.
  const cache = new PlanCache(resolve(opts.out, ".cache", "plan"));
  // A --stack list bounds the work: a worker that would get no stack only burns a core loading the SDK (~1.7 s CPU).
  const eager = Math.min(concurrency, opts.stacks?.length ?? concurrency);
  const pool = opts.pool ?? new WorkerPool(concurrency, opts.cache === false || cache.isEmpty() ? eager : 1);
  let base: BaseManifests | undefined;
  try {
    const head = await planHead(opts, staging.dir, cache, pool);
    const stacks = head.picked.map((i, k) => ({ ...summarise(head.prepared.stacks[i]!, head.stats[k]!), cached: head.cached[k]! }));
    if (baseSource) {
      log(`Planning the base ${baseSource.label}…`);
      base = await baseSource.plan({ cacheDir: baseCacheDir(opts), log: opts.log });
    }
    return finishPlan({ opts, prepared: head.prepared, staging, stacks, base, today: opts.today ?? isoToday(), log });
  } catch (e) {
    discardStaging(staging);
    throw e;
  } finally {
    if (!opts.pool) pool.stop();
    base?.cleanup();
  }
}

/**
 * The key of the digests that show a secret changed (see recorder.ts): MESH_SECRET_KEY, else a random key kept with
 * the cache. It is part of every stack's cache key; `keep` writes a new one once the mesh is known to be valid.
 */
function secretKey(file: string): { key: string; keep(): void } {
  const fromEnv = process.env.MESH_SECRET_KEY;
  if (fromEnv) return { key: fromEnv, keep: () => undefined };
  if (existsSync(file)) return { key: readFileSync(file, "utf8").trim(), keep: () => undefined };
  const key = randomBytes(32).toString("hex");
  return {
    key,
    keep: () => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, key, { mode: 0o600 });
    },
  };
}

/**
 * Where the full report of a plan is, for the PR comment: in CI the artifact the workflow uploads (MESH_PLAN_ARTIFACT,
 * see .github/workflows/pr.yml), never a path on the runner; elsewhere the file relative to the current folder.
 */
export function fullReportPath(report: PlanReport): ReportLocation {
  const file = report.comparison ? "diff.json" : "summary.json";
  const artifact = process.env.MESH_PLAN_ARTIFACT;
  return artifact ? { file, artifact } : { file: relative(process.cwd(), join(report.outDir, file)) };
}
