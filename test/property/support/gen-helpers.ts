import fc from "fast-check";

/** Imperative generation helpers over fc.gen(), shared by the mesh generator and the mutations. */
export type G = fc.GeneratorValue;

/**
 * A value of `arb`. fc.gen() caches arbitraries per builder function and compares arguments deeply, so every
 * draw goes through one stable builder per arbitrary, and collections are drawn index by index below: passing
 * arrays of documents as arguments would make each draw compare against every earlier one.
 */
const builders = new WeakMap<fc.Arbitrary<unknown>, () => fc.Arbitrary<unknown>>();
export function draw<T>(g: G, arb: fc.Arbitrary<T>): T {
  let builder = builders.get(arb);
  if (!builder) {
    builder = () => arb;
    builders.set(arb, builder);
  }
  return g(builder as () => fc.Arbitrary<T>);
}

export const pick = <T>(g: G, items: readonly T[]): T => items[g(fc.nat, items.length - 1)]!;

/** True with probability p (fast-check's bias towards small numbers would skew it). */
const PER_MILLE = fc.noBias(fc.nat(999));
export const chance = (g: G, p: number): boolean => draw(g, PER_MILLE) < p * 1000;

/** Between min and max distinct items, in random order. */
export function some<T>(g: G, items: readonly T[], min: number, max: number): T[] {
  const pool = [...items];
  const count = g(fc.integer, { min: Math.min(min, pool.length), max: Math.min(max, pool.length) });
  return Array.from({ length: count }, () => pool.splice(g(fc.nat, pool.length - 1), 1)[0]!);
}

export const shuffle = <T>(g: G, items: readonly T[]): T[] => some(g, items, items.length, items.length);

/** A name from `arb` not yet in `taken` (by `key`), or undefined after a few tries. */
export function fresh(g: G, arb: fc.Arbitrary<string>, taken: Set<string>, ok: (s: string) => boolean = () => true, key: (s: string) => string = (s) => s): string | undefined {
  for (let i = 0; i < 8; i++) {
    const s = draw(g, arb);
    if (!taken.has(key(s)) && ok(s)) {
      taken.add(key(s));
      return s;
    }
  }
  return undefined;
}
