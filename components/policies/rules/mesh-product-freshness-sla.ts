import { productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Every product promises how fresh its data is (the contract's latency SLA). */
export const meshProductFreshnessSla: Rule = {
  id: "mesh-product-freshness-sla",
  title: "Every data product has a freshness SLA",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Data as a product: SLA" }],
  description: "Without a latency SLA consumers cannot know when data is stale, and the freshness alarm has nothing to measure.",
  fix: "Add a latency SLA property to contract.odcs.yaml (e.g. property: latency, value: 1, unit: h).",
  resourceTypes: [T.dataProduct],
  check(product) {
    const latency = Number(productInputs(product).sla?.latencySeconds);
    return Number.isFinite(latency) && latency > 0 ? undefined : "has no freshness (latency) SLA";
  },
};
