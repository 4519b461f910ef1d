import { fork } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { plan } from "../../cli/src/commands/plan";
import { MINI } from "../helpers/fixture";

// Records the plan engine's forks; each still starts the real worker.
vi.mock("node:child_process", async (original) => {
  const real = await original<typeof import("node:child_process")>();
  return { ...real, fork: vi.fn(real.fork) };
});

describe("plan workers", () => {
  // Each worker loads the SDK and every provider before its first stack (~1.7 s of CPU): a cold plan of one stack
  // on two cores used to start two, and the second never got a stack.
  it("a cold plan of one stack starts one worker, not one per core", async () => {
    const out = mkdtempSync(join(tmpdir(), "plan-workers-"));
    const report = await plan({ root: MINI, out, stacks: ["sales-dev"], concurrency: 2, catalog: false });
    expect(report.summary.stacks.map((s) => s.stack)).toEqual(["sales-dev"]);
    expect(existsSync(join(out, "plan", "sales-dev.json"))).toBe(true);
    const workers = vi.mocked(fork).mock.calls.filter(([module]) => String(module).endsWith(join("plan", "worker.ts")));
    expect(workers).toHaveLength(1);
  }, 120_000);
});
