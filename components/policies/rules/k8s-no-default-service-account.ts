import { podSpecOf, WORKLOAD_TYPES } from "../helpers/k8s";
import type { Rule } from "../types";

/** Each product's pods run as the product's own service account, the one its IRSA role trusts. */
export const k8sNoDefaultServiceAccount: Rule = {
  id: "k8s-no-default-service-account",
  title: "Pods use a dedicated service account",
  severity: "mandatory",
  standards: [{ framework: "CIS Kubernetes", control: "5.1.5" }],
  description: "Pods on the default service account share its permissions with every other pod of the namespace.",
  fix: "Set serviceAccountName to the product's service account.",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    const account = podSpecOf(workload)?.serviceAccountName ?? podSpecOf(workload)?.serviceAccount;
    return account && account !== "default" ? undefined : "runs as the default service account";
  },
};
