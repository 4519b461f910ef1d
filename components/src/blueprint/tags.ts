import { TAG_LIMITS } from "../naming/limits";
import { BLUEPRINT_VERSION } from "../version";
import type { Tags } from "./spec";

/** Tag keys are a frozen API: cost reports, IAM conditions and the catalog read them. */
export const TAG_KEYS = {
  domain: "mesh:domain",
  product: "mesh:product",
  owner: "mesh:owner",
  classification: "mesh:classification",
  costCentre: "mesh:cost-centre",
  blueprint: "mesh:blueprint-version",
  env: "mesh:env",
  sensitivity: "mesh:sensitivity",
} as const;

/** AWS tag values allow letters, digits, spaces and `_.:/=+-@`; anything else becomes `_`. */
function cleanValue(v: string): string {
  return v.replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, "_").slice(0, TAG_LIMITS.valueMax);
}

export function tags(base: { domain: string; owner: string; classification: string; costCentre: string; env: string; product?: string; sensitivity?: "none" | "pii" | "phi" }): Tags {
  const out: Tags = {
    [TAG_KEYS.domain]: base.domain,
    [TAG_KEYS.owner]: base.owner,
    [TAG_KEYS.classification]: base.classification,
    [TAG_KEYS.costCentre]: base.costCentre,
    [TAG_KEYS.blueprint]: BLUEPRINT_VERSION,
    [TAG_KEYS.env]: base.env,
  };
  if (base.product) out[TAG_KEYS.product] = base.product;
  if (base.sensitivity) out[TAG_KEYS.sensitivity] = base.sensitivity;
  for (const k of Object.keys(out)) out[k] = cleanValue(out[k]!);
  return out;
}

/** Kubernetes label values: 63 characters of [A-Za-z0-9_.-], starting and ending alphanumeric. */
export function k8sLabels(t: Tags): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) {
    const key = `datamesh.io/${k.replace(/^mesh:/, "")}`;
    out[key] = v.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  }
  return out;
}
