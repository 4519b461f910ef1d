import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MINI, REPO } from "../helpers/fixture";

describe("a plan worker that runs several stacks in a row", () => {
  // A real node process, as a worker is: the module system behaves as in production only outside vitest.
  const probe = spawnSync(process.execPath, ["--require", "tsx/cjs", "--expose-gc", join(REPO, "test", "helpers", "reuse-probe.ts"), MINI], { cwd: REPO, encoding: "utf8" });
  const result = JSON.parse(probe.stdout || "{}") as { sameManifest: boolean; programs: number; retained: number };

  it("plans a stack the same whatever ran before it", () => {
    expect(probe.stderr).toBe("");
    expect(result.sameManifest).toBe(true);
  });

  it("lets go of each stack's program and everything it declared (no memory growth per stack)", () => {
    expect(result.programs).toBe(3);
    // The last program may still be referenced by the runtime until the next stack; earlier ones must be gone.
    expect(result.retained).toBeLessThanOrEqual(1);
  });
});
