import type { StackStats } from "./job";
import type { StackInfo } from "./prepare";

export interface StackSummary extends StackInfo, StackStats {
  /** True when the manifest was reused from the cache (nothing the stack depends on changed). */
  cached?: boolean;
}

export interface PlanSummary {
  root: string;
  blueprintVersion: string;
  stacks: StackSummary[];
  totals: { stacks: number; resources: number; protectedResources: number; products: number; monthlyCostUsd: number };
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
    monthlyCostUsd: Math.round(stacks.reduce((n, s) => n + s.cost.total, 0) * 100) / 100,
  };
}
