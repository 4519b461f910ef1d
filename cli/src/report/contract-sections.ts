import { showValue } from "../diff/input-diff";
import { ownerLabel, type PlanFinding } from "../findings/model";

/** Room each section may take in a PR comment; the rest is summarised and left to the full report. */
export const SECTION_BUDGET = 12_000;

const ICON = { blocking: "⛔", warning: "⚠️", info: "ℹ️" } as const;

function escape(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `customers/customer-profile/customers@1` and `customers/customer-profile@1` both belong to contract customers/customer-profile@1. */
export function contractOf(subject: string): string {
  const [path, major] = subject.split("@") as [string, string];
  return `${path.split("/").slice(0, 2).join("/")}@${major}`;
}

/** Appends lines while they fit in `budget` characters; returns how many items were left out. */
function fit(out: string[], items: string[][], budget: number): number {
  let used = 0;
  let left = 0;
  for (const lines of items) {
    const size = lines.reduce((n, l) => n + l.length + 1, 0);
    if (left > 0 || used + size > budget) {
      left++;
      continue;
    }
    out.push(...lines);
    used += size;
  }
  return left;
}

/**
 * "Contract changes": per contract, its changes with level, path, old → new, the consumers they affect and what
 * to do. Blocking contracts first. Fits in SECTION_BUDGET; `fullReport` names where the rest is.
 */
export function renderContractChanges(findings: readonly PlanFinding[], fullReport: string, budget = SECTION_BUDGET): string[] {
  const changes = findings.filter((f) => (f.kind === "contract-change" || f.kind === "version") && f.subject.contract);
  if (changes.length === 0) return [];
  const byContract = new Map<string, PlanFinding[]>();
  for (const f of changes) byContract.set(contractOf(f.subject.contract!), [...(byContract.get(contractOf(f.subject.contract!)) ?? []), f]);
  const rank = (fs: PlanFinding[]) => (fs.some((f) => f.level === "blocking") ? 0 : fs.some((f) => f.level === "warning") ? 1 : 2);
  const groups = [...byContract].sort(([a, x], [b, y]) => rank(x) - rank(y) || (a < b ? -1 : 1));
  const count = (l: PlanFinding["level"]) => changes.filter((f) => f.level === l).length;
  const out = ["### Contract changes", "", `${byContract.size} contract(s) changed: ${count("blocking")} blocking, ${count("warning")} warning, ${count("info")} info.`, ""];
  const items = groups.map(([contract, fs]) => {
    const lines = [`**\`${contract}\`** — owner ${escape(ownerLabel(fs[0]!.owner))}`, ""];
    for (const f of fs) {
      const change = f.old === undefined && f.new === undefined ? "" : `: ${escape(showValue(f.old))} → ${escape(showValue(f.new))}`;
      lines.push(`- ${ICON[f.level]} ${f.level} \`${f.rule}\` \`${escape(f.subject.path ?? "")}\`${change} — ${escape(f.reason)}`);
      for (const c of f.consumers ?? []) lines.push(`  - affects **${escape(c.product)}** (${escape(ownerLabel(c.owner))}), relies on ${escape(c.reliesOn)}${c.hops > 1 ? `, ${c.hops} hops via ${escape(c.via!.join(" → "))}` : ""}`);
      if (f.level !== "info") lines.push(`  - do: ${escape(f.action)}`);
    }
    lines.push("");
    return lines;
  });
  const left = fit(out, items, budget);
  if (left > 0) out.push(`_${left} more contract(s) changed: see \`findings\` in ${fullReport}._`, "");
  return out;
}

/** "Access changes": who gains or loses read access to which port, major and columns; pending approvals. */
export function renderAccessChanges(findings: readonly PlanFinding[], fullReport: string, budget = SECTION_BUDGET): string[] {
  const access = findings.filter((f) => f.kind === "access-change");
  if (access.length === 0) return [];
  const row = (f: PlanFinding) => {
    const c = f.consumers?.[0];
    const what = { "access-granted": "gains read", "access-revoked": "loses read", "access-columns-changed": "columns change", "access-pending": "pending approval" }[f.rule] ?? f.rule;
    return [`| ${escape(c?.product ?? "")} | ${what} | \`${escape(f.subject.contract ?? "")}\` | ${escape(f.rule === "access-columns-changed" ? `${showValue(f.old)} → ${showValue(f.new)}` : (c?.reliesOn ?? "").replace(/^columns /, ""))} | ${escape(ownerLabel(f.owner))} |`];
  };
  const pending = access.filter((f) => f.rule === "access-pending");
  const changes = access.filter((f) => f.rule !== "access-pending");
  const out = ["### Access changes", "", `${changes.length} grant change(s), ${pending.length} request(s) pending approval.`, "", "| consumer | change | port@major | columns | approver (producer) |", "|---|---|---|---|---|"];
  const left = fit(out, [...changes, ...pending].map(row), budget);
  out.push("");
  if (left > 0) out.push(`_${left} more: see \`findings\` in ${fullReport}._`, "");
  return out;
}
