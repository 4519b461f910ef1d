import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mesh } from "../helpers/cli";

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
