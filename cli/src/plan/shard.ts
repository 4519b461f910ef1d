import type { MeshModel } from "@data-mesh/components/src/config/model";
import { CliError, EXIT } from "../errors";

/** One shard of a plan: the K-th (1-based) of N. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `--shard K/N` (integers, 1 ≤ K ≤ N), or a one-line error with exit 2. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new CliError(EXIT.config, `--shard ${text}: must be K/N with whole numbers 1 ≤ K ≤ N, such as --shard 2/8 (the second of eight shards)`);
  }
  return { index, count };
}

/**
 * Resources the blueprint declares, estimated from the validated mesh (fitted to the counts planned for the example
 * mesh and a generated one: within 10% per stack, see test/e2e/plan-shard.test.ts): a domain stack's own resources (key, database, topic, dashboard, workgroup, providers, Kubernetes
 * namespace objects…), then per product its bucket and bucket settings, role, alarms and CronJobs, per served port
 * a Glue table and its grants, and per read a grant. The platform stack holds the account-wide pieces. Only the
 * proportions matter: they decide which stacks go together, never what is planned.
 */
export const ESTIMATE = { platform: 30, domain: 23, product: 17, port: 3, grant: 1, kubernetesDomain: 8, kubernetesProduct: 4 } as const;

/** The estimated resource count of one stack (see ESTIMATE). */
export function estimateResources(mesh: MeshModel, stack: { domain: string; env: string }): number {
  if (stack.domain === "platform") return ESTIMATE.platform;
  const domain = mesh.domains.find((d) => d.name === stack.domain);
  if (!domain) return ESTIMATE.domain;
  const kubernetes = Boolean(domain.config.environments[stack.env]?.kubernetes);
  let n = ESTIMATE.domain + (kubernetes ? ESTIMATE.kubernetesDomain : 0);
  for (const p of domain.products) {
    const ports = Object.keys(p.contract.ports).length + (p.olderMajors ?? []).reduce((k, c) => k + Object.keys(c.ports).length, 0);
    n += ESTIMATE.product + (kubernetes ? ESTIMATE.kubernetesProduct : 0) + ESTIMATE.port * ports + ESTIMATE.grant * (p.consumers.length + p.config.inputs.length);
  }
  return n;
}

/**
 * Assigns every stack to exactly one of `count` shards so that the shards' estimated resource counts are as even
 * as a greedy can make them: longest-processing-time first (Graham's LPT, within 4/3 of the optimum), heaviest
 * stack first, each to the shard with the least load so far. Ties are broken without any randomness — equal
 * weights by stack name, equal loads by the lower shard number — so every runner that sees the same mesh computes
 * the same assignment. Returns stack → shard number (1-based).
 */
export function assignShards(weights: ReadonlyMap<string, number>, count: number): Map<string, number> {
  const order = [...weights].sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0));
  const load = new Array<number>(count).fill(0);
  const out = new Map<string, number>();
  for (const [stack, weight] of order) {
    let best = 0;
    for (let k = 1; k < count; k++) if (load[k]! < load[best]!) best = k;
    load[best]! += weight;
    out.set(stack, best + 1);
  }
  return out;
}
