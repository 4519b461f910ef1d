import { NAMESPACED_TYPES, namespaceOf } from "../helpers/k8s";
import type { Rule } from "../types";

/** Every namespaced object lives in its domain's namespace, never in `default`. */
export const k8sNoDefaultNamespace: Rule = {
  id: "k8s-no-default-namespace",
  title: "Objects are not created in the default namespace",
  severity: "mandatory",
  standards: [
    { framework: "CIS Kubernetes", control: "5.7.4" },
    { framework: "Checkov", control: "CKV_K8S_21" },
  ],
  description: "The default namespace has none of the domain's quota, network policies or Pod Security labels.",
  fix: "Set metadata.namespace to the domain's namespace.",
  resourceTypes: NAMESPACED_TYPES,
  check(resource) {
    const ns = namespaceOf(resource);
    return ns && ns !== "default" ? undefined : `is in the ${ns ? "default" : "unspecified (default)"} namespace`;
  },
};
