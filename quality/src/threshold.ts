/**
 * The ODCS v3.1 comparison operators ("Valid Properties for Operator" in the standard's data-quality page):
 * a rule's measured value must satisfy exactly one of them. `mustBeBetween` is, in the standard's words,
 * "the equivalent to mustBeGreaterThan and mustBeLessThan": both bounds are exclusive.
 */
export const OPERATORS = [
  "mustBe",
  "mustNotBe",
  "mustBeGreaterThan",
  "mustBeGreaterOrEqualTo",
  "mustBeLessThan",
  "mustBeLessOrEqualTo",
  "mustBeBetween",
  "mustNotBeBetween",
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Threshold {
  operator: Operator;
  /** A number, or [low, high] for the two range operators. */
  value: number | [number, number];
}

/** Reads the one operator of a rule, or says what is wrong with it. */
export function readThreshold(rule: Record<string, unknown>): Threshold | { problem: string } {
  const present = OPERATORS.filter((op) => rule[op] !== undefined);
  if (present.length === 0) return { problem: `needs one operator (${OPERATORS.join(", ")})` };
  if (present.length > 1) return { problem: `has ${present.length} operators (${present.join(", ")}); ODCS allows exactly one` };
  const operator = present[0]!;
  const raw = rule[operator];
  if (operator === "mustBeBetween" || operator === "mustNotBeBetween") {
    const pair = Array.isArray(raw) && raw.length === 2 && raw.every((n) => typeof n === "number") ? (raw as [number, number]) : undefined;
    if (!pair || !(pair[0] < pair[1])) return { problem: `${operator} must be two numbers, smallest first, such as [0, 100]` };
    return { operator, value: pair };
  }
  const n = typeof raw === "boolean" ? Number(raw) : raw;
  if (typeof n !== "number" || !Number.isFinite(n)) return { problem: `${operator} must be a number (is ${JSON.stringify(raw)})` };
  return { operator, value: n };
}

/** True when the measured value satisfies the threshold. */
export function satisfies(measured: number, t: Threshold): boolean {
  const v = t.value;
  switch (t.operator) {
    case "mustBe": return measured === v;
    case "mustNotBe": return measured !== v;
    case "mustBeGreaterThan": return measured > (v as number);
    case "mustBeGreaterOrEqualTo": return measured >= (v as number);
    case "mustBeLessThan": return measured < (v as number);
    case "mustBeLessOrEqualTo": return measured <= (v as number);
    case "mustBeBetween": { const [lo, hi] = v as [number, number]; return measured > lo && measured < hi; }
    case "mustNotBeBetween": { const [lo, hi] = v as [number, number]; return measured <= lo || measured >= hi; }
  }
}

/** The threshold as a person reads it: "= 0", "< 1 %", "between 100 and 120 (exclusive)". */
export function describeThreshold(t: Threshold, unit?: string): string {
  const u = unit === "percent" ? " %" : "";
  const v = t.value;
  switch (t.operator) {
    case "mustBe": return `= ${v}${u}`;
    case "mustNotBe": return `≠ ${v}${u}`;
    case "mustBeGreaterThan": return `> ${v}${u}`;
    case "mustBeGreaterOrEqualTo": return `≥ ${v}${u}`;
    case "mustBeLessThan": return `< ${v}${u}`;
    case "mustBeLessOrEqualTo": return `≤ ${v}${u}`;
    case "mustBeBetween": return `between ${(v as number[])[0]}${u} and ${(v as number[])[1]}${u} (exclusive)`;
    case "mustNotBeBetween": return `not between ${(v as number[])[0]}${u} and ${(v as number[])[1]}${u}`;
  }
}
