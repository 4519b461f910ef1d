import type { Comparison } from "../diff/compare";
import type { PlanFinding } from "../findings/model";
import type { PlanSummary } from "../plan/summary";

/** Everything a plan reports: the summary, the comparison with a base (if any), its findings and what blocks it. */
export interface PlanReport {
  summary: PlanSummary;
  outDir: string;
  comparison?: Comparison;
  /** Every finding of every source (findings/sources), blocking first. */
  findings: PlanFinding[];
  /** The findings that block the plan (exit 3): blockingFindings(findings). */
  blocking: PlanFinding[];
}

export function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}

export function signedUsd(n: number): string {
  return `${n >= 0 ? "+" : "−"}$${Math.abs(n).toFixed(2)}`;
}

/** The last URN segment: the logical name a reader recognises. */
export function shortUrn(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}
