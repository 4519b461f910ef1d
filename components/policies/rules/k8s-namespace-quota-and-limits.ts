import { inNamespace } from "../helpers/k8s";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

const QUOTA_KEYS = ["requests.cpu", "limits.cpu", "requests.memory", "limits.memory"];

/** Each domain namespace has a ResourceQuota capping its total and a LimitRange giving containers defaults. */
export const k8sNamespaceQuotaAndLimits: Rule = {
  id: "k8s-namespace-quota-and-limits",
  title: "Namespaces have a ResourceQuota and a LimitRange",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Fair share of the shared cluster" }],
  description: "Without a quota one domain's runaway jobs starve every other domain on the shared cluster.",
  fix: "Declare a ResourceQuota with requests/limits for cpu and memory, and a LimitRange with Container defaults (domainNamespace does).",
  resourceTypes: [T.k8sNamespace],
  check(namespace, stack) {
    const problems: string[] = [];
    const hard = inNamespace(namespace, stack, T.k8sResourceQuota).map((q) => (q.inputs.spec as Record<string, any> | undefined)?.hard ?? {});
    const missing = QUOTA_KEYS.filter((k) => !hard.some((h) => h[k]));
    if (hard.length === 0) problems.push("has no ResourceQuota");
    else if (missing.length > 0) problems.push(`ResourceQuota does not cap ${missing.join(", ")}`);
    const limits = inNamespace(namespace, stack, T.k8sLimitRange).flatMap((l) => list((l.inputs.spec as Record<string, any> | undefined)?.limits as Record<string, any>[] | undefined));
    if (!limits.some((l) => l.type === "Container" && l.default)) problems.push("has no LimitRange with Container defaults");
    return problems;
  },
};
