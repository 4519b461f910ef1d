import { appendFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Directory where each property records how many cases it ran (see global-setup.ts). */
    fuzzCountsDir: string;
  }
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** Seed of the whole suite: fixed by default so CI is reproducible; set FUZZ_SEED to explore other cases. */
export const FUZZ_SEED = Math.floor(positiveNumber("FUZZ_SEED", 20260501));

/** Multiplies every property's number of cases (FUZZ_SCALE=10 for a long run). */
export const FUZZ_SCALE = positiveNumber("FUZZ_SCALE", 1);

/** How long a failing case is shrunk before it is reported as found (FUZZ_SHRINK_MS). */
const SHRINK_MS = positiveNumber("FUZZ_SHRINK_MS", 30_000);

/** Cases a property runs at the current scale. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * FUZZ_SCALE));
}

/** A seed per property, so properties do not replay each other's random streams. */
function seedOf(id: string): number {
  let h = FUZZ_SEED >>> 0;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h | 0;
}

/**
 * Runs a property with the suite's seed, records how many cases it ran for the suite total, and fails with
 * fast-check's report (counterexample, seed and path to replay it) when a case breaks the property.
 */
export async function checkProperty<T>(
  id: string,
  property: fc.IProperty<T> | fc.IAsyncProperty<T>,
  numRuns: number,
  params: Omit<fc.Parameters<T>, "seed" | "numRuns"> = {},
): Promise<void> {
  const seed = seedOf(id);
  const prop = property as fc.IAsyncProperty<T>;
  // First find a failure without shrinking, then shrink it for a bounded time: shrinking a whole generated mesh
  // can take far longer than CI should wait, and the unshrunk case is still a valid report.
  const details = await fc.check(prop, { includeErrorInReport: true, ...params, seed, numRuns, endOnFailure: true });
  appendFileSync(join(inject("fuzzCountsDir"), "counts.tsv"), `${id}\t${details.numRuns}\t${details.numSkips}\n`);
  if (details.failed) {
    let report = details;
    if (details.counterexamplePath && !details.interrupted) {
      const shrunk = await fc.check(prop, { includeErrorInReport: true, ...params, seed, path: details.counterexamplePath, interruptAfterTimeLimit: SHRINK_MS });
      if (shrunk.failed && shrunk.counterexample !== null) report = shrunk;
    }
    throw new Error(`property ${id} failed (FUZZ_SEED=${FUZZ_SEED}; fast-check seed ${seed}, path ${details.counterexamplePath})\n${await fc.asyncDefaultReportMessage(report)}`);
  }
  console.log(`${id}: ${details.numRuns} cases (seed ${seed})`);
}
