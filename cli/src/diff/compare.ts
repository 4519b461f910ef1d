import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readManifest } from "../plan/manifest-io";
import type { StackManifest } from "../plan/manifest";
import { type StackCost, stackCost } from "./cost";
import { dataLoss, type ResourceChange, type StackDiff, diffStack } from "./stack-diff";

/** A replacement or deletion of a stateful resource, and whether the double opt-in allows it. */
export interface DataLossItem {
  stack: string;
  change: ResourceChange;
  allowed: boolean;
}

export interface CostDelta {
  stack: string;
  domain: string;
  base?: StackCost;
  head?: StackCost;
}

export interface Comparison {
  base: string;
  stacks: StackDiff[];
  totals: Record<"create" | "update" | "replace" | "delete" | "rename" | "same", number>;
  dataLoss: DataLossItem[];
  costs: CostDelta[];
}

function manifestsIn(dir: string): Map<string, StackManifest> {
  const out = new Map<string, StackManifest>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "summary.json" && f !== "diff.json").sort()) {
    const m = readManifest(join(dir, f));
    if (m.stack && Array.isArray(m.resources)) out.set(m.stack, m);
  }
  return out;
}

/**
 * Compares every stack of a base plan with the head plan. `destroyAllowed(stack)` is the double opt-in: the
 * deployer's --allow-destroy and the domain's allowDestroy for a non-production environment.
 */
export function compare(
  baseLabel: string,
  baseDir: string,
  headDir: string,
  destroyAllowed: (diff: StackDiff) => boolean,
  priceOverrides: Record<string, number> = {},
  /** When only some stacks were planned, only they are compared (the others are not being removed). */
  only?: string[],
): Comparison {
  const base = manifestsIn(baseDir);
  const head = manifestsIn(headDir);
  const names = [...new Set([...base.keys(), ...head.keys()])].filter((s) => !only || only.includes(s)).sort();
  const stacks = names.map((s) => diffStack(s, base.get(s), head.get(s)));
  const totals = { create: 0, update: 0, replace: 0, delete: 0, rename: 0, same: 0 };
  for (const d of stacks) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += d.counts[k];
  const loss = stacks.flatMap((d) => {
    const allowed = destroyAllowed(d);
    return dataLoss(d).map((change) => ({ stack: d.stack, change, allowed }));
  });
  const costs = names.map((s) => {
    const b = base.get(s);
    const h = head.get(s);
    return { stack: s, domain: (h ?? b)!.domain, base: b && stackCost(b, priceOverrides), head: h && stackCost(h, priceOverrides) };
  });
  return { base: baseLabel, stacks, totals, dataLoss: loss, costs };
}
