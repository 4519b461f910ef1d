import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";
import { isoToday } from "@data-mesh/components/policies/runner";
import type { BaseManifests } from "../diff/base";
import { CliError, EXIT } from "../errors";
import { PlanCache } from "../plan/cache";
import type { StackStats } from "../plan/job";
import { type PreparedPlan, preparePlan } from "../plan/prepare";
import { assignShards, estimateResources, type Shard } from "../plan/shard";
import { summarise } from "../plan/summary";
import { mark } from "../plan/timing";
import { commitStaging, createStaging, discardStaging } from "../plan/write";
import { SNAPSHOT_FILE, snapshotFromRoot } from "../contract-evolution/snapshot";
import type { PlanReport } from "../report/model";
import { baseCacheDir, finishPlan, openBaseOf, type PlanOptions, planHead } from "./plan";
import { WorkerPool } from "../plan/pool";

/** The file a shard writes beside its manifests: what `mesh plan merge` needs and checks. */
export const SHARD_FILE = "shard.json";
/** Where a shard keeps the base manifests of its stacks. */
const BASE_DIR = "base";

/** What a shard planned, and everything a merge must find equal across the shards. */
export interface ShardRecord {
  format: 1;
  shard: Shard;
  /** Hash of the code fingerprint and every stack's cache key: the same code, config and inputs. */
  meshFingerprint: string;
  /** The key of secret digests in manifests must be the same for all shards (its digest, never the key). */
  secretKeyDigest: string;
  /** Every stack (the head's and those only in the base) → its shard number. */
  assignment: Record<string, number>;
  /** Options that change the merged result. */
  options: { allowDestroy: boolean; today: string };
  /** This shard's head stacks with their stats. */
  stacks: { stack: string; stats: StackStats; cached: boolean }[];
  /** The base: its label and the stacks of it this shard planned (their manifests are in base/). */
  base?: { label: string; stacks: string[] };
}

/** One digest of the code and every stack's inputs (prepare.ts's cache keys), so shards can be checked against each other. */
function meshFingerprintOf(prepared: PreparedPlan): string {
  const hash = createHash("sha256");
  prepared.jobs.map((j, i) => `${j.stack}\0${prepared.fingerprints[i]}\n`).sort().forEach((line) => hash.update(line));
  return hash.digest("hex");
}

/**
 * The shard of every stack: the head's stacks weighed by their estimated resource count, the stacks only the base
 * has (being removed) by the mean of those, since the base's config is not validated here.
 */
function assignAll(prepared: PreparedPlan, baseStacks: string[], count: number): Map<string, number> {
  const weights = new Map(prepared.stacks.map((s) => [s.stack, estimateResources(prepared.mesh, s)] as [string, number]));
  const mean = Math.max(1, Math.round([...weights.values()].reduce((a, b) => a + b, 0) / Math.max(1, weights.size)));
  for (const s of baseStacks) if (!weights.has(s)) weights.set(s, mean);
  return assignShards(weights, count);
}

export interface ShardReport {
  shard: Shard;
  outDir: string;
  /** Head stacks planned by this shard, and of how many. */
  stacks: string[];
  allStacks: number;
  resources: number;
  baseStacks?: string[];
}

/**
 * `mesh plan --shard K/N`: validates the whole mesh, plans only the K-th of N balanced shards of its stacks (and,
 * with --base, the same stacks of the base), and writes their manifests and shard.json to <out>/plan/. No summary,
 * findings or comment: `mesh plan merge` computes those over the whole mesh from all N shards.
 */
export async function planShard(opts: PlanOptions & { shard: Shard }): Promise<ShardReport> {
  if (opts.stacks) throw new CliError(EXIT.config, "--shard and --stack cannot be combined: a shard's stacks follow from the whole mesh");
  if (!process.env.MESH_SECRET_KEY) {
    throw new CliError(EXIT.config, "--shard needs MESH_SECRET_KEY set to the same value for every shard, so that the shards' secret digests compare (see docs/ci.md)");
  }
  const log = opts.log ?? (() => undefined);
  const baseSource = openBaseOf(opts);
  const { index, count } = opts.shard;
  const outDir = resolve(opts.out, "plan");
  const concurrency = opts.concurrency ?? Math.max(1, availableParallelism());
  const staging = createStaging(outDir);
  const cache = new PlanCache(resolve(opts.out, ".cache", "plan"));
  const pool = opts.pool ?? new WorkerPool(concurrency, opts.cache === false || cache.isEmpty() ? concurrency : 1);
  let base: BaseManifests | undefined;
  let assignment = new Map<string, number>();
  try {
    const baseStacks = baseSource?.stacks() ?? [];
    const head = await planHead(opts, staging.dir, cache, pool, (prepared) => {
      assignment = assignAll(prepared, baseStacks, count);
      return new Set([...assignment].filter(([, k]) => k === index).map(([s]) => s));
    });
    const mine = (s: string) => assignment.get(s) === index;
    let baseMine: string[] | undefined;
    if (baseSource) {
      baseMine = baseStacks.filter(mine);
      const dir = join(staging.dir, BASE_DIR);
      mkdirSync(dir);
      if (baseMine.length > 0) {
        log(`Planning the base ${baseSource.label}, ${baseMine.length} of its ${baseStacks.length} stacks…`);
        base = await baseSource.plan({ only: baseMine, cacheDir: baseCacheDir(opts), log: opts.log });
        for (const s of baseMine) copyFileSync(join(base.dir, `${s}.json`), join(dir, `${s}.json`));
        // The base's contracts and grants, as the unsharded plan reads them: its contracts.json, else its files.
        if (existsSync(join(base.dir, SNAPSHOT_FILE))) copyFileSync(join(base.dir, SNAPSHOT_FILE), join(dir, SNAPSHOT_FILE));
        else if (base.root) writeFileSync(join(dir, SNAPSHOT_FILE), JSON.stringify(snapshotFromRoot(base.root)));
      }
    }
    const record: ShardRecord = {
      format: 1,
      shard: opts.shard,
      meshFingerprint: meshFingerprintOf(head.prepared),
      secretKeyDigest: head.secretKeyDigest,
      assignment: Object.fromEntries([...assignment].sort(([a], [b]) => (a < b ? -1 : 1))),
      options: { allowDestroy: opts.allowDestroy ?? false, today: opts.today ?? isoToday() },
      stacks: head.picked.map((i, k) => ({ stack: head.prepared.jobs[i]!.stack, stats: head.stats[k]!, cached: head.cached[k]! })),
      ...(baseSource ? { base: { label: baseSource.label, stacks: baseMine! } } : {}),
    };
    writeFileSync(join(staging.dir, SHARD_FILE), JSON.stringify(record, null, 1));
    commitStaging(staging);
    mark("shard written");
    return { shard: opts.shard, outDir, stacks: record.stacks.map((s) => s.stack), allStacks: head.prepared.jobs.length, resources: record.stacks.reduce((n, s) => n + s.stats.resources, 0), baseStacks: baseMine };
  } catch (e) {
    discardStaging(staging);
    throw e;
  } finally {
    if (!opts.pool) pool.stop();
    base?.cleanup();
  }
}

/** A shard's folder as given (its out folder or its plan/ folder) and what it recorded. */
interface ShardDir {
  dir: string;
  given: string;
  record: ShardRecord;
}

function readShard(given: string): ShardDir {
  const candidates = [resolve(given), resolve(given, "plan")];
  const dir = candidates.find((d) => existsSync(join(d, SHARD_FILE)));
  if (!dir) throw new CliError(EXIT.config, `${given}: no ${SHARD_FILE} here or in ${join(given, "plan")}: pass the --out folder of each \`mesh plan --shard K/N\``);
  let record: ShardRecord;
  try {
    record = JSON.parse(readFileSync(join(dir, SHARD_FILE), "utf8")) as ShardRecord;
  } catch (e) {
    throw new CliError(EXIT.config, `${join(given, SHARD_FILE)}: not valid JSON (${(e as Error).message}): plan that shard again`);
  }
  if (record?.format !== 1 || !record.shard || !Array.isArray(record.stacks)) throw new CliError(EXIT.config, `${join(dir, SHARD_FILE)}: not a shard record of this version of mesh: plan that shard again`);
  return { dir, given, record };
}

/**
 * The folder the merge replaces (<out>/plan/) must not be, hold or sit inside a shard's folder: that input would be
 * lost. An --out that merely holds the shards (`--out s` for s/shard-1 …) is fine: only s/plan/ is replaced.
 */
function refuseOutOverShards(out: string, shards: ShardDir[]): void {
  const within = (a: string, b: string) => {
    const r = relative(b, a);
    return r === "" || (!r.startsWith("..") && !isAbsolute(r));
  };
  const mine = [resolve(out, "plan")];
  for (const s of shards) {
    const theirs = [resolve(s.given), s.dir];
    if (mine.some((m) => theirs.some((t) => within(m, t) || within(t, m)))) {
      throw new CliError(EXIT.config, `--out ${out} overlaps the shard folder ${s.given}, and the merge would overwrite its input: pass an --out outside every shard folder, such as --out merged; nothing was written`);
    }
  }
}

/** Refuses a set of shards that is not exactly shards 1..N of one plan of one mesh, code, base and options. */
function checkShardSet(shards: ShardDir[]): void {
  const first = shards[0]!;
  const n = first.record.shard.count;
  const name = (s: ShardDir) => `${s.given} (shard ${s.record.shard.index}/${s.record.shard.count})`;
  const differ = (what: string, pick: (r: ShardRecord) => unknown, hint: string) => {
    const other = shards.find((s) => JSON.stringify(pick(s.record)) !== JSON.stringify(pick(first.record)));
    if (other) throw new CliError(EXIT.config, `shards ${name(first)} and ${name(other)} differ in ${what}: ${hint}`);
  };
  differ("their number of shards", (r) => r.shard.count, "every shard must be planned with the same N");
  const seen = new Map<number, ShardDir>();
  for (const s of shards) {
    const twice = seen.get(s.record.shard.index);
    if (twice) throw new CliError(EXIT.config, `shard ${s.record.shard.index}/${n} is given twice: ${twice.given} and ${s.given}`);
    seen.set(s.record.shard.index, s);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new CliError(EXIT.config, `incomplete set of shards: missing ${missing.map((k) => `${k}/${n}`).join(", ")} (given ${shards.map((s) => `${s.record.shard.index}/${n}`).join(", ")})`);
  differ("MESH_SECRET_KEY", (r) => r.secretKeyDigest, "set the same MESH_SECRET_KEY for every shard");
  // The fingerprint holds the key's digest too: that check comes first, to name the cause.
  differ("the code or mesh they planned (fingerprint)", (r) => r.meshFingerprint, "plan every shard from the same commit");
  differ("their base", (r) => r.base?.label ?? null, "plan every shard with the same --base");
  differ("their options", (r) => r.options, "plan every shard with the same --allow-destroy and --today, on the same day");
  differ("their assignment of stacks", (r) => r.assignment, "plan every shard from the same commit and base");
  for (const s of shards) {
    const wrong = s.record.stacks.find((x) => s.record.assignment[x.stack] !== s.record.shard.index);
    if (wrong) throw new CliError(EXIT.config, `${name(s)} holds ${wrong.stack}, which belongs to shard ${s.record.assignment[wrong.stack]}`);
    const wrongBase = s.record.base?.stacks.find((x) => s.record.assignment[x] !== s.record.shard.index);
    if (wrongBase) throw new CliError(EXIT.config, `${name(s)} holds the base of ${wrongBase}, which belongs to shard ${s.record.assignment[wrongBase]}`);
  }
}

/**
 * `mesh plan merge <dirs…>`: joins the outputs of `mesh plan --shard 1/N … N/N` into <out>/plan/ and the catalog,
 * exactly as one unsharded plan writes them: the mesh is validated again (cheap, no planning) so every finding —
 * governance across stacks, contract consumers, lineage, versions, data loss — is computed over the whole mesh by
 * the same code as `mesh plan`, and the result has the same exit code.
 */
export async function mergeShards(opts: { dirs: string[]; root: string; out: string; log?: (line: string) => void }): Promise<PlanReport> {
  const log = opts.log ?? (() => undefined);
  if (opts.dirs.length === 0) throw new CliError(EXIT.config, "mesh plan merge needs the output folders of every shard");
  const shards = opts.dirs.map(readShard);
  checkShardSet(shards);
  const first = shards[0]!.record;
  const outDir = resolve(opts.out, "plan");
  refuseOutOverShards(opts.out, shards);
  const staging = createStaging(outDir);
  let baseDir: string | undefined;
  try {
    const prepared = preparePlan(opts.root, staging.dir, { allowDestroy: first.options.allowDestroy, missingInputFields: "record", secretKeyDigest: first.secretKeyDigest });
    if (meshFingerprintOf(prepared) !== first.meshFingerprint) {
      throw new CliError(EXIT.config, `the shards planned other code, config or inputs than ${prepared.root} has now (fingerprint): merge from the commit the shards planned`);
    }
    log(`Merging ${shards.length} shards of ${prepared.jobs.length} stacks…`);
    const byStack = new Map(shards.flatMap((s) => s.record.stacks.map((x) => [x.stack, { ...x, dir: s.dir }] as const)));
    const stacks = prepared.jobs.map((job, i) => {
      const got = byStack.get(job.stack);
      const manifest = got && join(got.dir, `${job.stack}.json`);
      if (!got || !existsSync(manifest!)) throw new CliError(EXIT.config, `stack ${job.stack} is in no shard (its shard is ${first.assignment[job.stack] ?? "unknown"}): plan every shard again from the same commit`);
      copyFileSync(manifest!, job.manifestFile);
      return { ...summarise(prepared.stacks[i]!, got.stats), cached: got.cached };
    });
    let base: { dir: string; label: string } | undefined;
    if (first.base) {
      baseDir = mkdtempSync(join(tmpdir(), "mesh-merge-base-"));
      let snapshot: Buffer | undefined;
      for (const s of shards) {
        for (const stack of s.record.base!.stacks) copyFileSync(join(s.dir, BASE_DIR, `${stack}.json`), join(baseDir, `${stack}.json`));
        const file = join(s.dir, BASE_DIR, SNAPSHOT_FILE);
        if (!existsSync(file)) continue;
        const text = readFileSync(file);
        if (snapshot && !snapshot.equals(text)) throw new CliError(EXIT.config, `${s.given}: its base contracts differ from another shard's: plan every shard with the same --base`);
        snapshot = text;
      }
      if (snapshot) writeFileSync(join(baseDir, SNAPSHOT_FILE), snapshot);
      base = { dir: baseDir, label: first.base.label };
    }
    return finishPlan({ opts: { out: opts.out, allowDestroy: first.options.allowDestroy }, prepared, staging, stacks, base, today: first.options.today, log });
  } catch (e) {
    discardStaging(staging);
    throw e;
  } finally {
    if (baseDir) rmSync(baseDir, { recursive: true, force: true });
  }
}
