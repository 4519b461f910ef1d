import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { estimateResources } from "../../cli/src/plan/shard";
import type { PlanSummary } from "../../cli/src/plan/summary";
import { type CliRun, mesh as meshIn } from "../helpers/cli";
import { copyMesh, copyMeshRoot, MINI, REPO } from "../helpers/fixture";

// Issue 13 item 4: `mesh plan --shard K/N` on N runners, then `mesh plan merge`, must write exactly what one
// unsharded `mesh plan` writes — every file of <out>/plan and <out>/catalog, stdout and the exit code — also when
// the plan is blocked against a base. The expectation is the unsharded plan of the same mesh, not the merge code.
const SLOW = 600_000;
const SECRET = { MESH_SECRET_KEY: "shard-test-key" };

function run(args: string[], cwd: string, env: Record<string, string> = SECRET): CliRun {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return meshIn(args, cwd);
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

/** Every file under a folder, by relative path. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const full = join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return out;
}

/** How long each stack took to plan is the one thing two plans of the same mesh never share. */
function withoutMillis(text: string): string {
  return text.replace(/"millis": ?\d+/g, '"millis":0');
}

/** Plans unsharded in one folder and as `count` shards + merge in another; both write to ./out of their folder. */
function planBothWays(root: string, count: number, extra: string[]): { whole: CliRun; merged: CliRun; shards: CliRun[]; wholeDir: string; mergedDir: string } {
  const wholeDir = mkdtempSync(join(tmpdir(), "shard-whole-"));
  const mergedDir = mkdtempSync(join(tmpdir(), "shard-merged-"));
  const whole = run(["plan", "--root", root, "--out", "out", "--format", "json", ...extra], wholeDir);
  const shards = Array.from({ length: count }, (_, i) => run(["plan", "--root", root, "--shard", `${i + 1}/${count}`, "--out", `shard-${i + 1}`, "--format", "json", ...extra], mergedDir));
  const merged = run(["plan", "merge", ...shards.map((_, i) => `shard-${i + 1}`), "--root", root, "--out", "out", "--format", "json"], mergedDir);
  return { whole, merged, shards, wholeDir, mergedDir };
}

function expectIdentical(r: ReturnType<typeof planBothWays>): void {
  for (const s of r.shards) expect(s.stderr).toBe("");
  expect(r.merged.stderr).toBe(r.whole.stderr);
  expect(r.merged.status).toBe(r.whole.status);
  expect(withoutMillis(r.merged.stdout)).toBe(withoutMillis(r.whole.stdout));
  for (const part of ["plan", "catalog"]) {
    const whole = files(join(r.wholeDir, "out", part));
    const merged = files(join(r.mergedDir, "out", part));
    expect(Object.keys(whole).length).toBeGreaterThan(part === "plan" ? 10 : 5);
    expect(Object.keys(merged)).toEqual(Object.keys(whole));
    for (const f of Object.keys(whole)) expect({ file: f, text: f === "summary.json" ? withoutMillis(merged[f]!) : merged[f] }).toEqual({ file: f, text: f === "summary.json" ? withoutMillis(whole[f]!) : whole[f] });
  }
}

describe("mesh plan --shard K/N + mesh plan merge", () => {
  it("3 shards of the example mesh merge into exactly the unsharded plan (exit 0)", () => {
    const root = copyMeshRoot(REPO);
    const r = planBothWays(root, 3, []);
    expect(r.whole.status).toBe(0);
    // Every stack in exactly one shard, none empty with 10 stacks in 3 shards.
    const planned = r.shards.map((s) => (JSON.parse(s.stdout) as { stacks: string[] }).stacks);
    expect(planned.every((p) => p.length > 0)).toBe(true);
    expect(planned.flat().sort()).toEqual(readdirSync(join(root, "stacks")).map((f) => f.replace(/^Pulumi\.|\.yaml$/g, "")).sort());
    expectIdentical(r);
    // Shards are balanced on an estimate of each stack's resources from the validated mesh: close to the real count.
    const mesh = loadMesh(root);
    const summary = JSON.parse(readFileSync(join(r.wholeDir, "out", "plan", "summary.json"), "utf8")) as PlanSummary;
    expect(summary.stacks.length).toBe(10);
    for (const s of summary.stacks) expect({ stack: s.stack, ratio: Math.abs(estimateResources(mesh, s) / s.resources - 1) < 0.1 }).toEqual({ stack: s.stack, ratio: true });
  }, SLOW);

  it("against a base that loses data: the same blocked plan, diff and exit 3, removed stacks included", () => {
    const base = copyMeshRoot(REPO);
    const head = copyMeshRoot(REPO);
    // A whole domain goes: its buckets, keys and tables would be deleted (stacks only the base has).
    rmSync(join(head, "domains", "recommendations"), { recursive: true });
    for (const env of ["dev", "prod"]) rmSync(join(head, "stacks", `Pulumi.recommendations-${env}.yaml`));
    const r = planBothWays(head, 3, ["--base", base]);
    expect(r.whole.status).toBe(3);
    expect(JSON.parse(r.whole.stdout).blocking.some((f: { kind: string }) => f.kind === "data-loss")).toBe(true);
    expectIdentical(r);
  }, SLOW);

  it("refuses incomplete, duplicate, mismatched or stale sets of shards with exit 2 and writes nothing", () => {
    const root = copyMesh(MINI);
    const dir = mkdtempSync(join(tmpdir(), "shard-refuse-"));
    const shard = (k: number, n: number, out: string, extra: string[] = []) => {
      const r = run(["plan", "--root", root, "--shard", `${k}/${n}`, "--out", out, "--format", "json", "--concurrency", "1", ...extra], dir);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    };
    shard(1, 2, "a1");
    shard(2, 2, "a2");
    shard(1, 3, "b1");
    const merge = (...dirs: string[]) => run(["plan", "merge", ...dirs, "--root", root, "--out", "merged"], dir);
    const refusals: [string[], RegExp][] = [
      [["a1"], /incomplete set of shards: missing 2\/2/],
      [["a1", "a1"], /shard 1\/2 is given twice/],
      [["a1", "b1"], /differ in their number of shards/],
      [["a1", "nowhere"], /nowhere: no shard\.json/],
    ];
    for (const [dirs, message] of refusals) {
      const r = merge(...dirs);
      expect({ dirs, status: r.status }).toEqual({ dirs, status: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, "merged"))).toBe(false);
    }
    // A shard of the same mesh with another base.
    shard(2, 2, "c2", ["--base", copyMesh(MINI)]);
    const otherBase = merge("a1", "c2");
    expect(otherBase.status).toBe(2);
    expect(otherBase.stderr).toMatch(/differ in their base/);
    // Another secret key: the secret digests of the manifests would not compare.
    const other = run(["plan", "--root", root, "--shard", "2/2", "--out", "d2", "--format", "json"], dir, { MESH_SECRET_KEY: "another-key" });
    expect(other.status).toBe(0);
    expect(merge("a1", "d2").stderr).toMatch(/differ in MESH_SECRET_KEY/);
    // The complete set merges; once the mesh changes after the shards planned it, the merge would report on config
    // nobody planned, and is refused.
    expect(merge("a2", "a1").status).toBe(0);
    rmSync(join(dir, "merged"), { recursive: true });
    const product = join(root, "domains", "sales", "products", "orders", "product.yaml");
    const yaml = readFileSync(product, "utf8");
    expect(yaml).toMatch(/^description: /m);
    writeFileSync(product, yaml.replace(/^description: .*$/m, "description: Every order, edited after the shards planned it."));
    const changed = merge("a1", "a2");
    expect(changed.status).toBe(2);
    expect(changed.stderr).toMatch(/the shards planned other code, config or inputs/);
    expect(existsSync(join(dir, "merged"))).toBe(false);
  }, SLOW);

  it("refuses a bad --shard and a shard without MESH_SECRET_KEY before planning anything", () => {
    const dir = mkdtempSync(join(tmpdir(), "shard-flag-"));
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1.5/3", "3"]) {
      const r = run(["plan", "--shard", bad, "--out", "out"], dir);
      expect({ bad, status: r.status }).toEqual({ bad, status: 2 });
      expect(r.stderr).toMatch(new RegExp(`--shard ${bad.replace(".", "\\.")}: must be K/N with whole numbers 1 ≤ K ≤ N`));
    }
    const noKey = run(["plan", "--root", REPO, "--shard", "1/2", "--out", "out"], dir, { MESH_SECRET_KEY: "" });
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/--shard needs MESH_SECRET_KEY/);
    expect(readdirSync(dir)).toEqual([]);
  }, SLOW);
});
