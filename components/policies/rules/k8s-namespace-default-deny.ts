import { inNamespace } from "../helpers/k8s";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { PolicyResource, Rule } from "../types";

/** A policy selecting every pod, for both directions, with no allow rules. */
function deniesAll(policy: PolicyResource): boolean {
  const spec = policy.inputs.spec as Record<string, any> | undefined;
  const selectsAll = spec?.podSelector !== undefined && Object.keys(spec.podSelector.matchLabels ?? {}).length === 0 && list(spec.podSelector.matchExpressions).length === 0;
  const types = list(spec?.policyTypes as string[] | undefined);
  return selectsAll && types.includes("Ingress") && types.includes("Egress") && list(spec?.ingress).length === 0 && list(spec?.egress).length === 0;
}

/** Every namespace starts from deny-all; other policies open exactly DNS and HTTPS egress. */
export const k8sNamespaceDefaultDeny: Rule = {
  id: "k8s-namespace-default-deny",
  title: "Namespaces have a default-deny NetworkPolicy",
  severity: "mandatory",
  standards: [{ framework: "CIS Kubernetes", control: "5.3.2" }],
  description: "Without a default deny any pod can reach every other domain's pods and the instance metadata endpoint.",
  fix: "Declare a NetworkPolicy in the namespace with podSelector {} and policyTypes [Ingress, Egress] and no rules.",
  resourceTypes: [T.k8sNamespace],
  check(namespace, stack) {
    return inNamespace(namespace, stack, T.k8sNetworkPolicy).some(deniesAll) ? undefined : "has no default-deny NetworkPolicy for ingress and egress";
  },
};
