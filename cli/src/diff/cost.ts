import { PRICES } from "@data-mesh/components/src/pricing/prices";
import type { ManifestResource, StackManifest } from "../plan/manifest";

const PRODUCT_TYPE = "mesh:blueprint:DataProduct";
const ALARM_TYPE = "aws:cloudwatch/metricAlarm:MetricAlarm";

export interface StackCost {
  stack: string;
  domain: string;
  /** Fixed monthly USD of each product's own resources. */
  products: Record<string, number>;
  /** Fixed monthly USD of the domain's shared resources (key, dashboard, workgroup, ...). */
  shared: number;
  total: number;
}

function round(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/** Price of one resource per month; alarms also pay for the custom metric they watch (counted once per metric). */
function priceOf(r: ManifestResource, metrics: Set<string>, overrides: Record<string, number>): number {
  const base = overrides[r.type] ?? PRICES[r.type]?.monthlyUsd ?? 0;
  if (r.type !== ALARM_TYPE) return base;
  const metric = JSON.stringify([r.inputs.namespace, r.inputs.metricName, r.inputs.dimensions]);
  if (metrics.has(metric)) return base;
  metrics.add(metric);
  return base + (overrides["custom-metric"] ?? PRICES["custom-metric"]!.monthlyUsd);
}

/** Fixed monthly cost of a planned stack, per product (its component's resources) and shared by the domain. */
export function stackCost(manifest: StackManifest, overrides: Record<string, number> = {}): StackCost {
  const byUrn = new Map(manifest.resources.map((r) => [r.urn, r]));
  const productOf = (r: ManifestResource): string | undefined => {
    for (let p = r.parent ? byUrn.get(r.parent) : undefined; p; p = p.parent ? byUrn.get(p.parent) : undefined) {
      if (p.type === PRODUCT_TYPE) return String(p.inputs.product ?? p.name);
    }
    return undefined;
  };
  const products: Record<string, number> = {};
  for (const r of manifest.resources) if (r.type === PRODUCT_TYPE) products[String(r.inputs.product ?? r.name)] = 0;
  const metrics = new Set<string>();
  let shared = 0;
  for (const r of manifest.resources) {
    const usd = priceOf(r, metrics, overrides);
    if (usd === 0) continue;
    const product = productOf(r);
    if (product !== undefined) products[product] = (products[product] ?? 0) + usd;
    else shared += usd;
  }
  for (const k of Object.keys(products)) products[k] = round(products[k]!);
  const total = round(shared + Object.values(products).reduce((a, b) => a + b, 0));
  return { stack: manifest.stack, domain: manifest.domain, products, shared: round(shared), total };
}
