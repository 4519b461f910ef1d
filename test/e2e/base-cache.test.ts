import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliRun } from "../helpers/cli";
import { copyCode, editCode } from "../helpers/code-copy";

// Issue 13 item 5: a plan against a git base reuses the base's cached stacks where they are provably the same —
// keyed by the BASE's code and inputs — and shows the base's progress. A warm cache must give exactly what
// --no-cache gives, also when the base's code differs from the head's and the cache last held another base.
const SLOW = 900_000;

function git(dir: string, args: string[]): void {
  const r = spawnSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", ...args], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

/** The code copy's own `mesh`, with progress lines on and one key for secret digests. */
function meshIn(code: string, args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(code, "cli", "bin", "mesh.js"), ...args], {
    cwd: code,
    encoding: "utf8",
    // The comment's footer then names an artifact, not the output folder (which differs between the runs).
    env: { ...process.env, FORCE_COLOR: "0", MESH_PROGRESS: "1", MESH_SECRET_KEY: "base-cache-test", MESH_PLAN_ARTIFACT: "plan" },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What a plan wrote, less what differs between any two runs (time per stack, and whether it came from the cache). */
function written(out: string): Record<string, string> {
  const dir = join(out, "plan");
  const files = readdirSync(dir).sort();
  expect(files).toContain("diff.json");
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), "utf8").replace(/"millis": ?\d+/g, "").replace(/"cached": ?(true|false)/g, "")]));
}

describe("mesh plan --base <git ref> with the base's cache", () => {
  it("serves the base from cache only for the same base code and inputs: warm equals --no-cache", () => {
    // A repository of its own: commit 1 is this code, commit 2 changes the blueprint (its version is tagged on every
    // resource), so the two bases plan different manifests from the same mesh.
    const code = copyCode();
    const made = spawnSync(process.execPath, [join(code, "cli", "bin", "mesh.js"), "generate", "--domains", "2", "--products", "4", "--out", join(code, "small")], { cwd: code, encoding: "utf8" });
    expect(made.status).toBe(0);
    git(code, ["init", "-q"]);
    git(code, ["add", "-A", "--", ".", ":!node_modules", ":!*/node_modules"]);
    git(code, ["commit", "-qm", "base"]);
    editCode(code, "components/package.json", '"version": "1.0.0"', '"version": "1.0.1"');
    git(code, ["commit", "-qam", "blueprint 1.0.1"]);
    const warm = mkdtempSync(join(tmpdir(), "base-cache-warm-"));
    const plan = (base: string, out: string, ...extra: string[]) => {
      const r = meshIn(code, ["plan", "--root", "small", "--base", base, "--out", out, "--format", "json", ...extra]);
      expect({ base, status: r.status, stderr: r.status === 0 ? "" : r.stderr }).toEqual({ base, status: 0, stderr: "" });
      return r;
    };
    const baseLines = (r: CliRun) => r.stderr.split("\n").filter((l) => /^\s{2,}Planning \d+ of \d+ stacks/.test(l));

    // Cold, then warm, against the older commit: the second run plans none of the base's stacks, and says so.
    const first = plan("HEAD~1", warm);
    expect(baseLines(first)).toEqual([expect.stringMatching(/Planning 3 of 3 stacks .*\(0 unchanged, from cache\)/)]);
    const again = plan("HEAD~1", warm);
    expect(again.stderr).toMatch(/Planning the base HEAD~1 \([0-9a-f]{12}\)…/);
    expect(baseLines(again)).toEqual([expect.stringMatching(/Planning 0 of 3 stacks .*\(3 unchanged, from cache\)/)]);
    expect(again.stderr).not.toMatch(/✓/);
    const olderWarm = written(warm);
    // The base's code changed (the mesh did not): every base stack is planned again, none served from the old code.
    plan("HEAD", warm);
    const headWarm = written(warm);
    const another = plan("HEAD", warm);
    expect(baseLines(another)).toEqual([expect.stringMatching(/Planning 0 of 3 stacks .*\(3 unchanged, from cache\)/)]);

    const cold = (base: string) => {
      const out = mkdtempSync(join(tmpdir(), "base-cache-cold-"));
      plan(base, out, "--no-cache");
      return written(out);
    };
    // The expectation is a plan that never saw a cache.
    const olderCold = cold("HEAD~1");
    const headCold = cold("HEAD");
    for (const [warmFiles, coldFiles] of [[olderWarm, olderCold], [headWarm, headCold]] as const) {
      expect(Object.keys(warmFiles)).toEqual(Object.keys(coldFiles));
      for (const f of Object.keys(coldFiles)) expect({ file: f, same: warmFiles[f] === coldFiles[f] }).toEqual({ file: f, same: true });
    }
    // And the two bases really differ: against the older blueprint every resource's version tag changes.
    const updates = (files: Record<string, string>) => (JSON.parse(files["diff.json"]!) as { totals: { update: number } }).totals.update;
    expect(updates(olderCold)).toBeGreaterThan(0);
    expect(updates(headCold)).toBe(0);
  }, SLOW);
});
