import type { ContractPair } from "./rule";
import type { QualityView } from "./view";

/** Every quality check of a contract (object and property level), by path. */
export function qualityChecks(view: ContractPair["base"]): Map<string, { port: string; field?: string; q: QualityView }> {
  const out = new Map<string, { port: string; field?: string; q: QualityView }>();
  for (const o of view.objects) {
    for (const q of o.quality) out.set(q.path, { port: o.name, q });
    for (const p of o.properties) for (const q of p.quality) out.set(q.path, { port: o.name, field: p.name, q });
  }
  return out;
}

export type ThresholdMove = "same" | "tightened" | "loosened";

const LOWER = ["mustBeGreaterThan", "mustBeGreaterOrEqualTo"];
const UPPER = ["mustBeLessThan", "mustBeLessOrEqualTo"];
const OPERATORS = [...LOWER, ...UPPER, "mustBe", "mustNotBe", "mustBeBetween", "mustNotBeBetween"];

/** How an ODCS quality check's threshold moved (the DataQualityOperators of ODCS v3.1). */
export function thresholdMove(before: Record<string, unknown>, after: Record<string, unknown>): ThresholdMove {
  const ops = OPERATORS.filter((o) => before[o] !== undefined || after[o] !== undefined);
  let move: ThresholdMove = "same";
  for (const o of ops) {
    const a = before[o];
    const b = after[o];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    // A new operator, a changed exact value or a changed range of exclusion: a stricter check, conservatively.
    if (a === undefined || b === undefined || o === "mustBe" || o === "mustNotBe" || o === "mustNotBeBetween") return a === undefined ? "tightened" : b === undefined ? "loosened" : "tightened";
    if (o === "mustBeBetween") {
      const [a0, a1] = a as number[];
      const [b0, b1] = b as number[];
      if (b0! >= a0! && b1! <= a1!) move = "tightened";
      else if (b0! <= a0! && b1! >= a1!) move = move === "tightened" ? "tightened" : "loosened";
      else return "tightened";
      continue;
    }
    const rose = Number(b) > Number(a);
    const tighter = LOWER.includes(o) ? rose : !rose;
    if (tighter) move = "tightened";
    else if (move === "same") move = "loosened";
  }
  return move;
}
