import type { Comparison } from "../diff/compare";
import type { PlanSummary } from "../plan/summary";
import type { VersionFinding } from "@data-mesh/components/src/versions/findings";

/** Something that makes the plan exit 3: data loss not double-opted-in, or a mandatory governance finding. */
export interface BlockingItem {
  kind: "data-loss" | "governance" | "versions";
  stack: string;
  urn: string;
  message: string;
}

/** Everything a plan reports: the summary, the comparison with a base (if any), and what blocks it. */
export interface PlanReport {
  summary: PlanSummary;
  outDir: string;
  comparison?: Comparison;
  blocking: BlockingItem[];
  /** Majors removed while read, and reads of deprecated majors (warnings until end of life, then blocking). */
  versions: VersionFinding[];
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
