import type { StackStats } from "./job";
import type { StackInfo } from "./prepare";

export interface StackSummary extends StackInfo, StackStats {}

export interface PlanSummary {
  root: string;
  blueprintVersion: string;
  stacks: StackSummary[];
  totals: { stacks: number; resources: number; protectedResources: number; products: number };
}

export function summarise(info: StackInfo, stats: StackStats): StackSummary {
  return { ...info, ...stats };
}

export function totals(stacks: StackSummary[]): PlanSummary["totals"] {
  return {
    stacks: stacks.length,
    resources: stacks.reduce((n, s) => n + s.resources, 0),
    protectedResources: stacks.reduce((n, s) => n + s.protectedResources, 0),
    products: stacks.reduce((n, s) => n + s.products.length, 0),
  };
}

/** The terminal summary: per stack, its products and its resources by type. */
export function renderText(summary: PlanSummary, outDir: string): string {
  const lines: string[] = [];
  for (const s of summary.stacks) {
    lines.push(`${s.stack}  ${s.resources} resources (${s.protectedResources} protected)  ${(s.millis / 1000).toFixed(1)}s`);
    if (s.products.length > 0) lines.push(`  products: ${s.products.join(", ")}`);
    for (const p of s.pendingAccess) lines.push(`  pending access request (no grant until approved): ${p}`);
    const width = Math.max(...Object.keys(s.byType).map((t) => t.length));
    for (const [type, n] of Object.entries(s.byType)) lines.push(`    ${type.padEnd(width)}  ${String(n).padStart(4)}`);
  }
  const t = summary.totals;
  lines.push("");
  lines.push(`Planned ${t.stacks} stacks: ${t.resources} resources, ${t.protectedResources} protected, ${t.products} product instances. Manifests in ${outDir}/`);
  return lines.join("\n");
}
