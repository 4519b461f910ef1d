import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readManifest } from "../plan/manifest-io";
import type { StackManifest } from "../plan/manifest";
import { type StackCost, stackCost } from "./cost";
import { dataLoss, type ResourceChange, type StackDiff, diffStack } from "./stack-diff";

/**
 * A replacement or deletion of a stateful resource, and whether the double opt-in allows it. A move (a provider
 * now in another region, account or cluster) is ONE item for all the stateful resources it recreates.
 */
export interface DataLossItem {
  stack: string;
  /** The resource lost, or for a move the provider that moves. */
  urn: string;
  /** The change; for a move, the first moved resource (its `move` names the provider and where it goes). */
  change: ResourceChange;
  allowed: boolean;
  /** One line for a reader: what is lost, or for a move what moves from where to where. */
  message: string;
  /** For a move: every stateful resource it recreates in the new place. */
  moved?: ResourceChange[];
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
  const loss = stacks.flatMap((d) => dataLossItems(d, destroyAllowed(d)));
  const costs = names.map((s) => {
    const b = base.get(s);
    const h = head.get(s);
    return { stack: s, domain: (h ?? b)!.domain, base: b && stackCost(b, priceOverrides), head: h && stackCost(h, priceOverrides) };
  });
  return { base: baseLabel, stacks, totals, dataLoss: loss, costs };
}

function lossMessage(c: ResourceChange): string {
  const what = c.kind === "delete" ? "deletes" : c.kind === "replace" ? `replaces (${c.replaceReasons.join(", ")})` : "removes the protection of";
  return `${what} ${c.type}, which holds data${c.deleteFirst ? " (deleteBeforeReplace: the old one goes first)" : ""}`;
}

/** The data-loss items of one stack: one per lost resource, and one per move for all the resources it moves. */
export function dataLossItems(d: StackDiff, allowed: boolean): DataLossItem[] {
  const items: DataLossItem[] = [];
  const moves = new Map<string, DataLossItem>();
  for (const change of dataLoss(d)) {
    if (!change.move || change.kind !== "replace") {
      items.push({ stack: d.stack, urn: change.urn, change, allowed, message: lossMessage(change) });
      continue;
    }
    const key = `${change.move.provider}\n${change.move.description}`;
    const item = moves.get(key);
    if (item) item.moved!.push(change);
    else {
      const created = { stack: d.stack, urn: change.move.provider, change, allowed, message: "", moved: [change] };
      moves.set(key, created);
      items.push(created);
    }
  }
  for (const item of moves.values()) {
    const { move } = item.change;
    const names = item.moved!.map((c) => `${c.name} (${c.type})`).join(", ");
    item.message = `moves ${item.moved!.length} resource(s) that hold data, ${move!.description} (provider ${move!.provider.slice(move!.provider.lastIndexOf("::") + 2)}): a deployment creates them empty in the new place and deletes the old ones — ${names}`;
  }
  return items;
}
