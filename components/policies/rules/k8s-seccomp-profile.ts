import { checkContainers, WORKLOAD_TYPES } from "../helpers/k8s";
import type { Rule } from "../types";

const ALLOWED = ["RuntimeDefault", "Localhost"];

/** Every container runs under a seccomp profile (RuntimeDefault), set on the pod or the container. */
export const k8sSeccompProfile: Rule = {
  id: "k8s-seccomp-profile",
  title: "Containers run with a seccomp profile",
  severity: "mandatory",
  standards: [
    { framework: "Kubernetes PSS", control: "restricted: Seccomp" },
    { framework: "CIS Kubernetes", control: "5.7.2" },
    { framework: "Checkov", control: "CKV_K8S_31" },
  ],
  description: "Unconfined containers can make every system call, the kernel attack surface container escapes use.",
  fix: "Set securityContext.seccompProfile.type RuntimeDefault on the pod (RESTRICTED_POD_SECURITY) and never Unconfined on a container.",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return checkContainers(workload, (c, pod) => {
      const type = c.securityContext?.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type;
      return ALLOWED.includes(type) ? undefined : `seccomp profile is ${type ?? "unset"}, not RuntimeDefault or Localhost`;
    });
  },
};
