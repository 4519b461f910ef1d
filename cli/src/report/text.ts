import { type InputChange, showValue } from "../diff/input-diff";
import { PLAIN, type Style } from "../terminal/style";
import { renderFindingsText } from "./findings";
import { type PlanReport, shortUrn, signedUsd, usd } from "./model";

/** One changed input: an entry added to or removed from an unordered list as `+`/`-`, others old → new. */
function changeText(x: InputChange): string {
  if (x.path.endsWith("[+]")) return `${x.path} ${showValue(x.new)}`;
  if (x.path.endsWith("[-]")) return `${x.path} ${showValue(x.old)}`;
  return `${x.path}: ${showValue(x.old)} → ${showValue(x.new)}`;
}

export interface TextOptions {
  /** Per stack: product costs, advisory findings and resources by type. */
  verbose?: boolean;
  style?: Style;
}

/**
 * The terminal report, summary first: totals, what changes, what blocks and what it costs, then one line per
 * stack. The diff and blocking items follow in full; per-stack details only with `verbose` (they are in the files).
 */
/** `1 stack`, `2 stacks`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export function renderText(report: PlanReport, opts: TextOptions = {}): string {
  const st = opts.style ?? PLAIN;
  const { summary, comparison } = report;
  const t = summary.totals;
  const governance = summary.stacks.flatMap((s) => s.findings);
  const advisory = governance.filter((f) => f.severity === "advisory");
  const pending = summary.stacks.flatMap((s) => s.pendingAccess);
  const planned = summary.stacks.filter((s) => !s.cached).length;
  const lines: string[] = [];

  lines.push(st.bold(`Planned ${count(t.stacks, "stack")}: ${count(t.resources, "resource")}, ${t.protectedResources} protected, ${count(t.products, "product instance")}, ${usd(t.monthlyCostUsd)}/month fixed.`) + ` ${planned} planned, ${t.stacks - planned} unchanged (cache).`);
  if (comparison) {
    const c = comparison.totals;
    const delta = comparison.costs.reduce((n, x) => n + (x.head?.total ?? 0) - (x.base?.total ?? 0), 0);
    lines.push(`Changes against ${comparison.base}: ${c.create} to create, ${c.update} to update, ${c.replace} to replace, ${c.delete} to delete, ${c.rename} renamed through aliases; cost ${signedUsd(delta)}/month.`);
  }
  lines.push(report.blocking.length > 0 ? st.red(st.bold(`Blocked: ${report.blocking.length} item(s), listed below (exit 3).`)) : st.green("Nothing blocks this plan."));
  lines.push(`Governance: ${governance.length - advisory.length} mandatory and ${advisory.length} advisory finding(s) (${advisory.filter((f) => f.waived).length} waived) over ${t.resources} resources.`);
  if (pending.length > 0) lines.push(st.yellow(`${pending.length} pending access request(s): no grant until the producer approves.`));
  lines.push(st.dim(`Manifests and the full report in ${report.outDir}/${opts.verbose ? "" : "; per-stack details with --verbose"}`));
  // What blocks and what warns comes before the per-stack lines: it is what the reader must act on.
  const findings = renderFindingsText(report.findings, report.blocking);
  lines.push(...findings.map((l) => (l.startsWith("BLOCKED") ? st.red(st.bold(l)) : l.startsWith("Warnings") ? st.yellow(l) : l)));

  lines.push("");
  for (const s of summary.stacks) {
    lines.push(`${s.stack}  ${s.resources} resources (${s.protectedResources} protected)  ${usd(s.cost.total)}/month  ${s.cached ? "unchanged (cache)" : `${(s.millis / 1000).toFixed(1)}s`}`);
    for (const p of s.pendingAccess) lines.push(`  pending access request (no grant until approved): ${p}`);
    if (!opts.verbose) continue;
    for (const [p, c] of Object.entries(s.cost.products)) lines.push(`  product ${p}: ${usd(c)}/month`);
    if (s.cost.shared > 0) lines.push(`  shared by the domain: ${usd(s.cost.shared)}/month`);
    const adv = s.findings.filter((f) => f.severity === "advisory");
    if (s.findings.length > 0) lines.push(`  governance: ${s.findings.length - adv.length} mandatory, ${adv.length} advisory finding(s) (${adv.filter((f) => f.waived).length} waived)`);
    for (const f of adv) lines.push(`    advisory ${f.rule} ${f.resource}: ${f.message}${f.waived ? ` (waived until ${f.waived.expires}: ${f.waived.reason})` : ""}`);
    const width = Math.max(0, ...Object.keys(s.byType).map((type) => type.length));
    for (const [type, n] of Object.entries(s.byType)) lines.push(`    ${type.padEnd(width)}  ${String(n).padStart(4)}`);
  }
  if (comparison) {
    lines.push("");
    for (const d of comparison.stacks.filter((x) => x.changes.length > 0 || x.renames.length > 0)) {
      lines.push(st.bold(`${d.stack}: +${d.counts.create} ~${d.counts.update} ±${d.counts.replace} -${d.counts.delete}${d.counts.rename ? ` →${d.counts.rename}` : ""}`));
      for (const ch of d.changes) {
        const mark = { create: "+", update: "~", replace: "±", delete: "-" }[ch.kind];
        lines.push(`  ${mark} ${ch.type} ${ch.name}${ch.from ? ` (was ${shortUrn(ch.from)})` : ""}${ch.replaceReasons.length ? ` [replace: ${ch.replaceReasons.join(", ")}]` : ""}`);
        // The full report: every changed input, every value whole.
        for (const x of ch.changes) lines.push(`      ${changeText(x)}`);
      }
      for (const r of d.renames) lines.push(`  → ${shortUrn(r.from)} is now ${shortUrn(r.to)} (alias, kept)`);
    }
    const deltas = comparison.costs.filter((x) => (x.head?.total ?? 0) !== (x.base?.total ?? 0));
    for (const x of deltas) lines.push(`cost ${x.stack}: ${usd(x.base?.total ?? 0)} → ${usd(x.head?.total ?? 0)} (${signedUsd((x.head?.total ?? 0) - (x.base?.total ?? 0))}/month)`);
  }
  return lines.join("\n");
}
