import { productInputs } from "../helpers/mesh";
import { T, TAGGABLE_TYPES } from "../helpers/types";
import type { PolicyResource, Rule, StackView } from "../types";
import { TAG_KEYS } from "../../src/blueprint/tags";

/** Keys every AWS resource carries; product resources add mesh:product and mesh:sensitivity. */
const BASE_KEYS = [TAG_KEYS.domain, TAG_KEYS.owner, TAG_KEYS.classification, TAG_KEYS.costCentre, TAG_KEYS.blueprint, TAG_KEYS.env];
const PRODUCT_KEYS = Object.values(TAG_KEYS);

/** The tag values a product's resources must carry, from the product's own description. */
function expectedValues(component: PolicyResource): Record<string, unknown> {
  if (component.type !== T.dataProduct) return component.type === T.domain ? { [TAG_KEYS.domain]: component.inputs.domain } : {};
  const p = productInputs(component);
  return { [TAG_KEYS.domain]: p.domain, [TAG_KEYS.product]: p.product, [TAG_KEYS.classification]: p.classification, [TAG_KEYS.sensitivity]: p.sensitivity };
}

function tagProblems(resource: PolicyResource, keys: readonly string[], expected: Record<string, unknown>): string[] {
  const tags = (resource.inputs.tags ?? {}) as Record<string, string>;
  const missing = keys.filter((k) => !tags[k]);
  const wrong = Object.entries(expected).filter(([k, v]) => v !== undefined && tags[k] && tags[k] !== v).map(([k, v]) => `${k}=${tags[k]} (expected ${String(v)})`);
  return [
    ...(missing.length > 0 ? [`${resource.name} lacks tags ${missing.join(", ")}`] : []),
    ...(wrong.length > 0 ? [`${resource.name} has ${wrong.join(", ")}`] : []),
  ];
}

/** Every taggable AWS resource of a product, domain or platform carries the mesh tags, with the right values. */
export const meshRequiredTags: Rule = {
  id: "mesh-required-tags",
  title: "AWS resources carry the mesh tags",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Tags: domain, product, owner, classification, cost-centre, blueprint, env, sensitivity" }],
  description: "Cost reports, IAM tag conditions, the catalog and PII/PHI audits find resources by these tags; a missing or wrong tag hides a resource from all of them.",
  fix: "Pass ctx.tags (blueprint tags()) to every taggable resource, custom ones in domains/<d>/index.ts included.",
  resourceTypes: [T.dataProduct, T.domain, T.platform],
  check(component, stack: StackView) {
    const keys = component.type === T.dataProduct ? PRODUCT_KEYS : BASE_KEYS;
    const expected = expectedValues(component);
    return stack.children(component).filter((r) => TAGGABLE_TYPES.includes(r.type)).flatMap((r) => tagProblems(r, keys, expected));
  },
};
