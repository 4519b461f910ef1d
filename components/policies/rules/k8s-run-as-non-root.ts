import { checkContainers, WORKLOAD_TYPES } from "../helpers/k8s";
import type { Rule } from "../types";

/** Containers run as a non-root user, declared on the pod or the container, and never as UID 0. */
export const k8sRunAsNonRoot: Rule = {
  id: "k8s-run-as-non-root",
  title: "Containers run as non-root",
  severity: "mandatory",
  standards: [
    { framework: "Kubernetes PSS", control: "restricted: Running as Non-root" },
    { framework: "Kubernetes PSS", control: "restricted: Running as Non-root user" },
    { framework: "CIS Kubernetes", control: "5.2.7" },
    { framework: "Checkov", control: "CKV_K8S_23" },
  ],
  description: "Root in a container is one kernel bug away from root on the node that runs every domain's pipelines.",
  fix: "Set runAsNonRoot true (and a non-zero runAsUser) in the pod or container securityContext.",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return checkContainers(workload, (c, pod) => {
      const nonRoot = c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
      const user = c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
      if (Number(user) === 0 && user !== undefined) return "runs as UID 0";
      return nonRoot === true ? undefined : "does not set runAsNonRoot true";
    });
  },
};
