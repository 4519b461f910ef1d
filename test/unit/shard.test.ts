import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignShards, parseShard } from "../../cli/src/plan/shard";

/** The shards' stacks and their summed weights, shard 1 first. */
function shardsOf(weights: Map<string, number>, assignment: Map<string, number>, count: number): { stacks: string[]; load: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const stacks = [...assignment].filter(([, k]) => k === i + 1).map(([s]) => s).sort();
    return { stacks, load: stacks.reduce((n, s) => n + weights.get(s)!, 0) };
  });
}

describe("--shard K/N", () => {
  it("accepts whole numbers 1 ≤ K ≤ N", () => {
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    expect(parseShard("3/8")).toEqual({ index: 3, count: 8 });
    expect(parseShard("8/8")).toEqual({ index: 8, count: 8 });
  });

  it("refuses anything else with exit 2 and a line that says what is valid", () => {
    for (const bad of ["0/3", "4/3", "1/0", "-1/3", "1.5/3", "a/b", "3", "", "1/3/5", "1e1/20"]) {
      let error: { exitCode?: number; message?: string } | undefined;
      try {
        parseShard(bad);
      } catch (e) {
        error = e as typeof error;
      }
      expect({ bad, exit: error?.exitCode }).toEqual({ bad, exit: 2 });
      expect(error?.message).toContain(`--shard ${bad}: must be K/N with whole numbers 1 ≤ K ≤ N`);
    }
  });
});

describe("assignShards: longest processing time first, by resource count", () => {
  it("matches an assignment worked out by hand (LPT: heaviest first, to the least-loaded shard)", () => {
    // Sorted: a7 b5 c4 d3 e3 f2. a→1 [7,0]; b→2 [7,5]; c→2 [7,9]; d→1 [10,9]; e→2 [10,12]; f→1 [12,12].
    const weights = new Map([["f", 2], ["e", 3], ["d", 3], ["c", 4], ["b", 5], ["a", 7]]);
    const shards = shardsOf(weights, assignShards(weights, 2), 2);
    expect(shards).toEqual([
      { stacks: ["a", "d", "f"], load: 12 },
      { stacks: ["b", "c", "e"], load: 12 },
    ]);
  });

  it("balances by weight, not by name: one big stack alone, the small ones together", () => {
    const weights = new Map([["a-big", 300], ["b", 30], ["c", 30], ["d", 30], ["e", 30]]);
    const shards = shardsOf(weights, assignShards(weights, 2), 2);
    expect(shards).toEqual([
      { stacks: ["a-big"], load: 300 },
      { stacks: ["b", "c", "d", "e"], load: 120 },
    ]);
  });

  it("breaks ties by stack name and by the lower shard number, so equal weights are still deterministic", () => {
    const weights = new Map([["z", 1], ["x", 1], ["w", 1], ["y", 1]]);
    expect(Object.fromEntries(assignShards(weights, 2))).toEqual({ w: 1, x: 2, y: 1, z: 2 });
    // More shards than stacks: the extra shards are empty, never an error.
    expect(shardsOf(weights, assignShards(weights, 6), 6).map((s) => s.stacks.length)).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it("for any weights: every stack in exactly one shard, the same answer in any input order, within Graham's bound", () => {
    const arb = fc.record({
      weights: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 60, selector: ([s]) => s }),
      count: fc.integer({ min: 1, max: 12 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(arb, ({ weights, count, seed }) => {
        const map = new Map(weights);
        const assignment = assignShards(map, count);
        // Complete and disjoint: a Map has one shard per stack; every stack is in it, each shard number in 1..N.
        expect([...assignment.keys()].sort()).toEqual([...map.keys()].sort());
        for (const k of assignment.values()) expect(k >= 1 && k <= count && Number.isInteger(k)).toBe(true);
        // Deterministic: the same weights listed in another order give the same assignment.
        const shuffled = [...weights].sort((a, b) => ((a[0].charCodeAt(0) * 31 + seed) % 7) - ((b[0].charCodeAt(0) * 31 + seed) % 7));
        expect(Object.fromEntries(assignShards(new Map(shuffled), count))).toEqual(Object.fromEntries(assignment));
        // Graham (1966): any greedy list schedule ends within total/N + the largest job of a perfect split.
        const loads = shardsOf(map, assignment, count).map((s) => s.load);
        const total = weights.reduce((n, [, w]) => n + w, 0);
        const largest = Math.max(...weights.map(([, w]) => w));
        expect(Math.max(...loads)).toBeLessThanOrEqual(total / count + largest);
      }),
      { numRuns: 200 },
    );
  });
});
