import { podSpecOf, WORKLOAD_TYPES } from "../helpers/k8s";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Pipelines need no Kubernetes API token: IRSA gives them AWS credentials through a projected token. */
export const k8sServiceAccountTokenOff: Rule = {
  id: "k8s-service-account-token-off",
  title: "Service account tokens are not mounted",
  severity: "mandatory",
  standards: [
    { framework: "CIS Kubernetes", control: "5.1.6" },
    { framework: "Checkov", control: "CKV_K8S_38" },
  ],
  description: "A mounted API token lets a compromised pipeline call the Kubernetes API with its service account's rights.",
  fix: "Set automountServiceAccountToken false on the ServiceAccount and on the pod template.",
  resourceTypes: [...WORKLOAD_TYPES, T.k8sServiceAccount],
  check(resource) {
    const value = resource.type === T.k8sServiceAccount ? resource.inputs.automountServiceAccountToken : podSpecOf(resource)?.automountServiceAccountToken;
    return value === false ? undefined : "does not set automountServiceAccountToken false";
  },
};
