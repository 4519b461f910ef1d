import { checkContainers, WORKLOAD_TYPES } from "../helpers/k8s";
import type { Rule } from "../types";

/** Every container sets allowPrivilegeEscalation false, as Pod Security `restricted` requires. */
export const k8sNoPrivilegeEscalation: Rule = {
  id: "k8s-no-privilege-escalation",
  title: "Containers cannot escalate privileges",
  severity: "mandatory",
  standards: [
    { framework: "Kubernetes PSS", control: "restricted: Privilege Escalation" },
    { framework: "CIS Kubernetes", control: "5.2.6" },
    { framework: "Checkov", control: "CKV_K8S_20" },
  ],
  description: "With privilege escalation allowed, a setuid binary in the image can give a compromised process more rights than its container.",
  fix: "Set securityContext.allowPrivilegeEscalation false on every container (RESTRICTED_CONTAINER_SECURITY).",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return checkContainers(workload, (c) => (c.securityContext?.allowPrivilegeEscalation === false ? undefined : "does not set allowPrivilegeEscalation false"));
  },
};
