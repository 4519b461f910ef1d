import { type InputChange, showValue } from "../diff/input-diff";
import { renderFindingsText } from "./findings";
import { type PlanReport, shortUrn, signedUsd, usd } from "./model";

/** One changed input: an entry added to or removed from an unordered list as `+`/`-`, others old → new. */
function changeText(x: InputChange): string {
  if (x.path.endsWith("[+]")) return `${x.path} ${showValue(x.new)}`;
  if (x.path.endsWith("[-]")) return `${x.path} ${showValue(x.old)}`;
  return `${x.path}: ${showValue(x.old)} → ${showValue(x.new)}`;
}

/** The terminal report: per stack its products, cost and resources by type; then the diff and what blocks. */
export function renderText(report: PlanReport): string {
  const { summary, comparison } = report;
  const lines: string[] = [];
  for (const s of summary.stacks) {
    lines.push(`${s.stack}  ${s.resources} resources (${s.protectedResources} protected)  ${usd(s.cost.total)}/month  ${s.cached ? "unchanged (cache)" : `${(s.millis / 1000).toFixed(1)}s`}`);
    for (const [p, c] of Object.entries(s.cost.products)) lines.push(`  product ${p}: ${usd(c)}/month`);
    if (s.cost.shared > 0) lines.push(`  shared by the domain: ${usd(s.cost.shared)}/month`);
    for (const p of s.pendingAccess) lines.push(`  pending access request (no grant until approved): ${p}`);
    const advisory = s.findings.filter((f) => f.severity === "advisory");
    const mandatory = s.findings.length - advisory.length;
    if (s.findings.length > 0) lines.push(`  governance: ${mandatory} mandatory, ${advisory.length} advisory finding(s) (${advisory.filter((f) => f.waived).length} waived)`);
    for (const f of advisory) lines.push(`    advisory ${f.rule} ${f.resource}: ${f.message}${f.waived ? ` (waived until ${f.waived.expires}: ${f.waived.reason})` : ""}`);
    const width = Math.max(0, ...Object.keys(s.byType).map((t) => t.length));
    for (const [type, n] of Object.entries(s.byType)) lines.push(`    ${type.padEnd(width)}  ${String(n).padStart(4)}`);
  }
  const t = summary.totals;
  lines.push("");
  const findings = summary.stacks.flatMap((s) => s.findings);
  lines.push(`Governance: ${findings.filter((f) => f.severity === "mandatory").length} mandatory and ${findings.filter((f) => f.severity === "advisory").length} advisory finding(s) over ${t.resources} resources.`);
  lines.push(`Planned ${t.stacks} stacks: ${t.resources} resources, ${t.protectedResources} protected, ${t.products} product instances, ${usd(t.monthlyCostUsd)}/month fixed. Manifests in ${report.outDir}/`);
  if (comparison) {
    const c = comparison.totals;
    lines.push("");
    lines.push(`Against ${comparison.base}: ${c.create} to create, ${c.update} to update, ${c.replace} to replace, ${c.delete} to delete, ${c.rename} renamed through aliases.`);
    for (const d of comparison.stacks.filter((x) => x.changes.length > 0 || x.renames.length > 0)) {
      lines.push(`${d.stack}: +${d.counts.create} ~${d.counts.update} ±${d.counts.replace} -${d.counts.delete}${d.counts.rename ? ` →${d.counts.rename}` : ""}`);
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
  lines.push(...renderFindingsText(report.findings, report.blocking));
  return lines.join("\n");
}
