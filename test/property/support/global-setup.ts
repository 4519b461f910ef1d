import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/** The suite's floor: every run of `npm run test:property` checks at least this many cases. */
export const MIN_TOTAL_CASES = 10_000;

/**
 * Gives every test process a directory to record its case counts in, and after the run sums them: the total is
 * printed, and a run that checked fewer than MIN_TOTAL_CASES (a property skipped or cut down) fails.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "fuzz-counts-"));
  project.provide("fuzzCountsDir", dir);
  return () => {
    const file = join(dir, "counts.tsv");
    const rows = existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => l.split("\t")) : [];
    rmSync(dir, { recursive: true, force: true });
    const total = rows.reduce((sum, [, n]) => sum + Number(n), 0);
    const skipped = rows.reduce((sum, [, , s]) => sum + Number(s), 0);
    console.log(`\nproperty suite: ${total} cases in ${rows.length} properties (${skipped} generated cases skipped)`);
    for (const [id, n] of rows.sort((a, b) => a[0]!.localeCompare(b[0]!))) console.log(`  ${(id ?? "").padEnd(44)} ${n}`);
    if (total < MIN_TOTAL_CASES) {
      // Only when every file ran: a filtered run (`-t`, a single file) checks fewer cases on purpose.
      if (!process.env.FUZZ_ALLOW_PARTIAL) {
        process.exitCode = 1;
        console.error(`property suite ran ${total} cases, fewer than the required ${MIN_TOTAL_CASES} (set FUZZ_ALLOW_PARTIAL=1 for a partial run)`);
      }
    }
  };
}
