import { checkContainers, WORKLOAD_TYPES } from "../helpers/k8s";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Pod Security `restricted` allows adding back NET_BIND_SERVICE only. */
const ALLOWED_ADDS = ["NET_BIND_SERVICE"];

/** Containers drop every Linux capability and add none back (beyond binding low ports). */
export const k8sDropAllCapabilities: Rule = {
  id: "k8s-drop-all-capabilities",
  title: "Containers drop all capabilities",
  severity: "mandatory",
  standards: [
    { framework: "Kubernetes PSS", control: "restricted: Capabilities" },
    { framework: "CIS Kubernetes", control: "5.2.8" },
    { framework: "CIS Kubernetes", control: "5.2.9" },
    { framework: "CIS Kubernetes", control: "5.2.10" },
    { framework: "Checkov", control: "CKV_K8S_37" },
    { framework: "Checkov", control: "CKV_K8S_28" },
  ],
  description: "Default capabilities such as NET_RAW let a compromised pipeline spoof traffic on the node's network.",
  fix: "Set securityContext.capabilities.drop [ALL] and add nothing (RESTRICTED_CONTAINER_SECURITY).",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return checkContainers(workload, (c) => {
      const caps = c.securityContext?.capabilities;
      if (!list(caps?.drop as string[] | undefined).includes("ALL")) return "does not drop ALL capabilities";
      const added = list(caps?.add as string[] | undefined).filter((a) => !ALLOWED_ADDS.includes(a));
      return added.length > 0 ? `adds capabilities ${added.join(", ")}` : undefined;
    });
  },
};
