import { checkContainers, WORKLOAD_TYPES } from "../helpers/k8s";
import type { Rule } from "../types";

/** Every container declares CPU and memory requests and limits. */
export const k8sResourceRequestsLimits: Rule = {
  id: "k8s-resource-requests-limits",
  title: "Containers declare CPU and memory requests and limits",
  severity: "mandatory",
  standards: [
    { framework: "Checkov", control: "CKV_K8S_10" },
    { framework: "Checkov", control: "CKV_K8S_11" },
    { framework: "Checkov", control: "CKV_K8S_12" },
    { framework: "Checkov", control: "CKV_K8S_13" },
  ],
  description: "A pipeline without limits can starve other domains' jobs on a shared node; without requests the scheduler cannot place it.",
  fix: "Set resources.requests and resources.limits for cpu and memory (product.yaml pipeline.resources).",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return checkContainers(workload, (c) => {
      const missing = ["requests", "limits"].flatMap((kind) => ["cpu", "memory"].filter((r) => !c.resources?.[kind]?.[r]).map((r) => `${kind}.${r}`));
      return missing.length > 0 ? `does not set ${missing.join(", ")}` : undefined;
    });
  },
};
