import type { FindingContext, FindingLevel, FindingSource, PlanFinding } from "./model";

const RANK: Record<FindingLevel, number> = { blocking: 0, warning: 1, info: 2 };

/** Code-unit order, the same on every machine whatever its locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function subjectKey(f: PlanFinding): string {
  return `${f.subject.stack ?? ""}\0${f.subject.contract ?? ""}\0${f.subject.urn ?? ""}\0${f.subject.path ?? ""}`;
}

/** Blocking first, then by kind, subject and rule: the order every report shows. */
export function sortFindings(findings: PlanFinding[]): PlanFinding[] {
  return [...findings].sort((a, b) => RANK[a.level] - RANK[b.level] || cmp(a.kind, b.kind) || cmp(subjectKey(a), subjectKey(b)) || cmp(a.rule, b.rule));
}

/** Runs every source over one context and returns their findings, sorted. */
export function collectFindings(sources: readonly FindingSource[], ctx: FindingContext): PlanFinding[] {
  return sortFindings(sources.flatMap((source) => source(ctx)));
}

/** THE blocking decision of a plan: a plan is blocked (exit 3) exactly when a finding has level blocking. */
export function blockingFindings(findings: readonly PlanFinding[]): PlanFinding[] {
  return findings.filter((f) => f.level === "blocking");
}
