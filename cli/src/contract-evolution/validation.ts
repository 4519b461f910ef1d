import type { PropertyView } from "./view";

export type BoundMove = "same" | "tightened" | "loosened";

/** logicalTypeOptions bounds: a lower bound rising or appearing tightens; an upper bound falling or appearing tightens. */
export const LOWER_BOUNDS = ["minLength", "minimum", "exclusiveMinimum"] as const;
export const UPPER_BOUNDS = ["maxLength", "maximum", "exclusiveMaximum"] as const;
export const LENGTH_BOUNDS = ["minLength", "maxLength"] as const;
export const RANGE_BOUNDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const;

export function optionsOf(p: PropertyView): Record<string, unknown> {
  return (p.raw.logicalTypeOptions as Record<string, unknown> | undefined) ?? {};
}

/** Numbers compare as numbers; ISO dates and timestamps (strings) compare in order as text. */
function greater(a: unknown, b: unknown): boolean {
  return typeof a === "number" && typeof b === "number" ? a > b : String(a) > String(b);
}

export function boundMove(option: string, before: unknown, after: unknown): BoundMove {
  if (before === after || (before === undefined && after === undefined)) return "same";
  const lower = (LOWER_BOUNDS as readonly string[]).includes(option);
  if (before === undefined) return "tightened";
  if (after === undefined) return "loosened";
  const rose = greater(after, before);
  return lower === rose ? "tightened" : "loosened";
}
