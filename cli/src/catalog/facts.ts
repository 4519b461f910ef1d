import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PlanFacts } from "./model";

/**
 * Cost and findings from the last plan of this mesh root (`<out>/plan/summary.json`), or undefined when there is
 * none or it is of another root: the catalog never re-plans.
 */
export function readPlanFacts(root: string, out: string): PlanFacts | undefined {
  const file = join(resolve(out), "plan", "summary.json");
  if (!existsSync(file)) return undefined;
  try {
    const summary = JSON.parse(readFileSync(file, "utf8")) as PlanFacts & { root?: string };
    if (summary.root !== resolve(root) || !Array.isArray(summary.stacks)) return undefined;
    return { stacks: summary.stacks.map((s) => ({ stack: s.stack, domain: s.domain, env: s.env, cost: s.cost, findings: s.findings ?? [] })) };
  } catch {
    return undefined;
  }
}
