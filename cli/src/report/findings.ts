import type { FindingKind, PlanFinding } from "../findings/model";
import { ownerLabel } from "../findings/model";
import { showValue } from "../diff/input-diff";
import { shortUrn } from "./model";

/** How each kind of finding is introduced to a reader. */
export const KIND_LABEL: Record<FindingKind, string> = {
  governance: "Governance",
  "data-loss": "Data loss",
  "contract-change": "Contract change",
  version: "Contract version",
  "access-change": "Access change",
  deprecation: "Deprecation",
  "location-change": "Location change",
  "reserved-word": "Reserved word",
};

function subjectLabel(f: PlanFinding): string {
  const s = f.subject;
  return [s.stack, s.contract, s.urn && shortUrn(s.urn), s.path].filter(Boolean).join(" ");
}

/** Governance rule ids lead (waivers name them); other kinds say their rule at the end. */
function reasonOf(f: PlanFinding): string {
  return f.kind === "governance" ? `${f.rule}: ${f.reason}` : f.reason;
}

function change(f: PlanFinding): string {
  return f.old === undefined && f.new === undefined ? "" : ` (${showValue(f.old)} → ${showValue(f.new)})`;
}

function consumersLine(f: PlanFinding): string {
  if (!f.consumers?.length) return "";
  return ` Affects ${f.consumers.map((c) => `${ownerLabel(c.owner)} reading ${c.reliesOn}${c.hops > 1 ? ` (${c.hops} hops, via ${c.via!.join(" → ")})` : ""}`).join("; ")}.`;
}

/** One finding on one line of text: level, kind, subject, reason, consumers, owner, what to do. */
export function findingLine(f: PlanFinding): string {
  return `${KIND_LABEL[f.kind].toUpperCase()} ${subjectLabel(f)}: ${reasonOf(f)}${change(f)}.${consumersLine(f)} Owner: ${ownerLabel(f.owner)}. Do: ${f.action}${f.waived ? ` [${f.waived}]` : ""}`;
}

/**
 * The findings section of the terminal report: what blocks, then warnings. Governance warnings are listed under
 * their stack above (with waivers), so here they are only counted.
 */
export function renderFindingsText(findings: readonly PlanFinding[], blocking: readonly PlanFinding[]): string[] {
  const lines: string[] = [];
  const warnings = findings.filter((f) => f.level === "warning");
  const listed = warnings.filter((f) => f.kind !== "governance");
  if (listed.length > 0) {
    lines.push("", `Warnings: ${listed.length} (the plan is not blocked by them):`);
    for (const f of listed) lines.push(`  ${findingLine(f)}`);
  }
  // Access changes are information a reviewer wants to see; pending requests are listed under their stack.
  const access = findings.filter((f) => f.kind === "access-change" && f.rule !== "access-pending");
  if (access.length > 0) {
    lines.push("", `Access changes: ${access.length}`);
    for (const f of access) lines.push(`  ${f.reason}`);
  }
  if (blocking.length > 0) {
    lines.push("", `BLOCKED: ${blocking.length} item(s) stop this plan (exit 3):`);
    for (const f of blocking) lines.push(`  ${findingLine(f)}`);
  }
  return lines;
}

function escape(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function markdownItem(f: PlanFinding): string {
  const subject = [f.subject.stack, f.subject.contract, f.subject.urn && shortUrn(f.subject.urn), f.subject.path].filter(Boolean).map((x) => `\`${escape(x!)}\``).join(" ");
  return `- **${KIND_LABEL[f.kind]}** ${subject}: ${escape(reasonOf(f))}${escape(change(f))}.${escape(consumersLine(f))} Owner: ${escape(ownerLabel(f.owner))}. Do: ${escape(f.action)}${f.waived ? ` — ${escape(f.waived)}` : ""}`;
}

/** The Blocked section of the PR comment (at most `max` items; the rest are counted). */
export function renderBlockedMarkdown(blocking: readonly PlanFinding[], max = 50): string[] {
  if (blocking.length === 0) return ["✅ Nothing blocks this plan.", ""];
  const lines = [`### ⛔ Blocked: ${blocking.length} item(s)`, ""];
  for (const f of blocking.slice(0, max)) lines.push(markdownItem(f));
  if (blocking.length > max) lines.push(`- … and ${blocking.length - max} more (see the full JSON)`);
  lines.push("");
  if (blocking.some((f) => f.kind === "data-loss")) lines.push("Data loss needs both `allowDestroy` for the environment in domain.yaml (never in production) and `--allow-destroy`.", "");
  return lines;
}

/** Kinds the PR comment shows in their own sections (report/contract-sections.ts). */
const OWN_SECTION = new Set<FindingKind>(["contract-change", "version", "access-change"]);

/** Collapsible warnings per kind (at most `max` items each), then a count of information findings. */
export function renderWarningsMarkdown(findings: readonly PlanFinding[], max = 100): string[] {
  const lines: string[] = [];
  const kinds = [...new Set(findings.map((f) => f.kind))].filter((k) => !OWN_SECTION.has(k));
  for (const kind of kinds) {
    const ofKind = findings.filter((f) => f.kind === kind && f.level !== "blocking");
    const warnings = ofKind.filter((f) => f.level === "warning");
    // Governance keeps its own phrasing: advisory findings, some waived (those are information).
    const title =
      kind === "governance"
        ? `Governance: ${ofKind.length} advisory finding(s), ${ofKind.filter((f) => f.waived).length} waived`
        : `${KIND_LABEL[kind]}: ${warnings.length} warning(s)${ofKind.length > warnings.length ? `, ${ofKind.length - warnings.length} for information` : ""}`;
    if (ofKind.length === 0) continue;
    const shown = kind === "governance" ? ofKind : warnings;
    lines.push("", `<details><summary>${title}</summary>`, "");
    for (const f of shown.slice(0, max)) lines.push(markdownItem(f));
    if (shown.length > max) lines.push(`- … and ${shown.length - max} more (see the full JSON)`);
    lines.push("", "</details>");
  }
  if (!findings.some((f) => f.kind === "governance" && f.level !== "blocking")) {
    lines.push("", "Governance: no advisory findings; every mandatory rule passes unless listed under Blocked.");
  }
  return lines;
}

/** The findings as JSON: every finding, and the blocking ones again for scripts that only want those. */
export function findingsJson(findings: readonly PlanFinding[], blocking: readonly PlanFinding[]): { findings: PlanFinding[]; blocking: PlanFinding[] } {
  return { findings: [...findings], blocking: [...blocking] };
}
