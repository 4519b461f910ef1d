import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mesh } from "../helpers/cli";
import { REPO } from "../helpers/fixture";

// The pull-request workflow plans against `--base origin/<branch>`: the base commit is planned in a git worktree
// with its own CLI, which must find every workspace package of that commit (quality/ came after components/ and cli/).
describe("mesh plan --base <git ref>", () => {
  it("plans HEAD in a worktree with its own workspaces and compares: exit 0, nothing changes", () => {
    const out = mkdtempSync(join(tmpdir(), "base-ref-"));
    const run = mesh(["plan", "--stack", "orders-dev", "--base", "HEAD", "--out", out, "--format", "json"]);
    expect(run.stderr).not.toMatch(/planning the base failed/);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { diff: { base: string; stacks: { stack: string; changes: { kind: string }[] }[] } };
    expect(report.diff.base).toMatch(/^HEAD \([0-9a-f]{12}\)$/);
    const orders = report.diff.stacks.find((s) => s.stack === "orders-dev");
    expect(orders).toBeDefined();
    expect(orders!.changes.filter((c) => c.kind !== "same")).toEqual([]);
  }, 180_000);
});

// Issue 9 item 5: a base that does not exist is refused before anything is planned or written.
describe("mesh plan --base <a ref that does not exist>", () => {
  it("exits 2 with one line, before planning: no progress, no out/ folder, no worktree or temporary folder left", () => {
    const dir = mkdtempSync(join(tmpdir(), "base-missing-"));
    const tmp = mkdtempSync(join(tmpdir(), "base-missing-tmp-"));
    const saved = { ...process.env };
    // Progress lines on (they would show planning had started); temporary folders go where this test can see them.
    Object.assign(process.env, { MESH_PROGRESS: "1", TMPDIR: tmp });
    let run: ReturnType<typeof mesh>;
    try {
      run = mesh(["plan", "--base", "does-not-exist", "--out", join(dir, "out")]);
    } finally {
      process.env = saved;
    }
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: --base does-not-exist: not a plan output folder, a mesh root or a git ref of ${REPO}\n`);
    expect(run.stdout).toBe("");
    expect(readdirSync(dir)).toEqual([]);
    // (tsx keeps its compile cache there: not ours.)
    expect(readdirSync(tmp).filter((f) => !f.startsWith("tsx-"))).toEqual([]);
    const worktrees = spawnSync("git", ["worktree", "list", "--porcelain"], { cwd: REPO, encoding: "utf8" }).stdout;
    expect(worktrees).toContain(`worktree ${REPO}`);
    expect(worktrees).not.toContain(tmp);
  }, 60_000);
});
