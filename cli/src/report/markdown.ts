import { type InputChange, shortValue } from "../diff/input-diff";
import type { StackDiff } from "../diff/stack-diff";
import { renderAccessChanges, renderContractChanges } from "./contract-sections";
import { renderBlockedMarkdown, renderWarningsMarkdown } from "./findings";
import { type PlanReport, shortUrn, signedUsd, usd } from "./model";

/** GitHub's limit for one comment body. */
export const PR_COMMENT_LIMIT = 65_536;
/** Room kept for the footer that points to the full JSON. */
const FOOTER_RESERVE = 600;
/** Longest value shown in the comment, and changed inputs shown per resource; the full report has them all. */
const VALUE_MAX = 120;
const CHANGES_MAX = 6;

/** The full report: a file inside a CI artifact (by the artifact's name), or a file of a local plan. */
export interface ReportLocation {
  file: string;
  artifact?: string;
}

/** Where the full report is, as a reader can find it: the artifact's name in CI, never a path on the runner. */
export function describeLocation(where: ReportLocation | string): string {
  const loc = typeof where === "string" ? { file: where } : where;
  return loc.artifact ? `\`${loc.file}\` in the workflow run's artifact \`${loc.artifact}\`` : `\`${loc.file}\``;
}

/** One changed input, shortened: added/removed set entries as `+`/`-`, others old → new. */
function changeCell(x: InputChange): { text: string; cut: boolean } {
  const oldV = shortValue(x.old, VALUE_MAX);
  const newV = shortValue(x.new, VALUE_MAX);
  const path = `\`${escape(x.path)}\``;
  if (x.path.endsWith("[+]")) return { text: `${path} ${escape(newV.text)}`, cut: newV.cut };
  if (x.path.endsWith("[-]")) return { text: `${path} ${escape(oldV.text)}`, cut: oldV.cut };
  return { text: `${path}: ${escape(oldV.text)} → ${escape(newV.text)}`, cut: oldV.cut || newV.cut };
}

function escape(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function stackDetails(d: StackDiff, where: string): string {
  let shortened = false;
  const rows = d.changes.map((c) => {
    const cells = c.changes.slice(0, CHANGES_MAX).map(changeCell);
    if (cells.some((x) => x.cut) || c.changes.length > CHANGES_MAX) shortened = true;
    const what = cells.map((x) => x.text).join("<br>");
    const more = c.changes.length > CHANGES_MAX ? `<br>… ${c.changes.length - CHANGES_MAX} more` : "";
    const why = c.replaceReasons.length ? ` (forced by ${c.replaceReasons.map((r) => `\`${escape(r)}\``).join(", ")})` : "";
    return `| ${c.kind}${c.stateful && (c.kind === "replace" || c.kind === "delete") ? " ⚠️" : ""} | \`${escape(c.type)}\` | ${escape(c.name)}${c.from ? ` (was ${escape(shortUrn(c.from))})` : ""} | ${what}${more}${why} |`;
  });
  const renames = d.renames.map((r) => `| rename | | ${escape(shortUrn(r.from))} → ${escape(shortUrn(r.to))} | kept through an alias |`);
  return [
    `<details><summary><b>${d.stack}</b>: ${d.counts.create} create, ${d.counts.update} update, ${d.counts.replace} replace, ${d.counts.delete} delete</summary>`,
    "",
    "| change | type | resource | inputs |",
    "|---|---|---|---|",
    ...rows,
    ...renames,
    ...(shortened ? ["", `_Values cut with … and inputs not listed here are in full in ${where}._`] : []),
    "",
    "</details>",
  ].join("\n");
}

/**
 * The plan as a pull-request comment: blocking items first, a summary table per stack, cost, then collapsible
 * details per stack. Never longer than a comment allows: details that do not fit are summarised and the reader
 * is pointed to the full JSON.
 */
export function renderMarkdown(report: PlanReport, fullReport: ReportLocation | string, limit = PR_COMMENT_LIMIT): string {
  const where = describeLocation(fullReport);
  const { summary, comparison } = report;
  const head: string[] = [`## Data mesh plan${comparison ? ` against \`${escape(comparison.base)}\`` : ""}`, ""];
  head.push(...renderBlockedMarkdown(report.blocking));
  // Contract and access changes have their own sections (report/contract-sections.ts), each with its own budget.
  const loc = typeof fullReport === "string" ? { file: fullReport } : fullReport;
  const fullFindings = describeLocation({ ...loc, file: loc.file.replace(/diff\.json$/, "summary.json") });
  head.push(...renderContractChanges(report.findings, fullFindings), ...renderAccessChanges(report.findings, fullFindings));
  const changed = comparison ? new Map(comparison.stacks.map((d) => [d.stack, d])) : undefined;
  const costs = comparison ? new Map(comparison.costs.map((c) => [c.stack, c])) : undefined;
  head.push(changed ? "| stack | resources | create | update | replace | delete | cost/month | Δ cost |" : "| stack | resources | protected | cost/month |");
  head.push(changed ? "|---|---:|---:|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|");
  const rows = summary.stacks.map((s) => {
    if (!changed) return `| ${s.stack} | ${s.resources} | ${s.protectedResources} | ${usd(s.cost.total)} |`;
    const d = changed.get(s.stack);
    const c = costs!.get(s.stack);
    const delta = (c?.head?.total ?? 0) - (c?.base?.total ?? 0);
    return `| ${s.stack} | ${s.resources} | ${d?.counts.create ?? 0} | ${d?.counts.update ?? 0} | ${d?.counts.replace ?? 0} | ${d?.counts.delete ?? 0} | ${usd(s.cost.total)} | ${delta === 0 ? "" : signedUsd(delta)} |`;
  });
  // Stacks only in the base are being removed entirely.
  for (const d of comparison?.stacks ?? []) {
    if (!summary.stacks.some((s) => s.stack === d.stack)) rows.push(`| ${d.stack} (removed) | 0 | 0 | 0 | 0 | ${d.counts.delete} | $0.00 | ${signedUsd(-(costs!.get(d.stack)?.base?.total ?? 0))} |`);
  }
  const t = summary.totals;
  const tail = [`**${t.stacks} stacks, ${t.resources} resources, ${t.products} product instances, ${usd(t.monthlyCostUsd)}/month fixed cost.**`];
  if (comparison) {
    const c = comparison.totals;
    tail.push(`Changes: ${c.create} create, ${c.update} update, ${c.replace} replace, ${c.delete} delete, ${c.rename} renamed through aliases.`);
  }
  tail.push(...renderWarningsMarkdown(report.findings));
  const details = (comparison?.stacks ?? []).filter((d) => d.changes.length > 0 || d.renames.length > 0).map((d) => stackDetails(d, where));
  const footer = `\n\nFull plan: ${where}`;

  let body = [...head, ...rows, "", ...tail].join("\n");
  if (body.length + FOOTER_RESERVE > limit) {
    // Even the table is too long: keep the blocking items and totals, drop the per-stack rows.
    body = [...head, `_${rows.length} stacks: per-stack table omitted to fit a comment._`, "", ...tail].join("\n").slice(0, limit - FOOTER_RESERVE);
  }
  let omitted = 0;
  for (const d of details) {
    if (body.length + d.length + 2 + FOOTER_RESERVE > limit) {
      omitted++;
      continue;
    }
    body += `\n\n${d}`;
  }
  if (omitted > 0) body += `\n\n_${omitted} stack(s) with changes are not detailed here to stay within a comment's ${limit} characters._`;
  return body + footer;
}
