import { checkContainers, WORKLOAD_TYPES } from "../helpers/k8s";
import type { Rule } from "../types";

/** Containers write only to mounted volumes (an emptyDir /tmp), never to the image's filesystem. */
export const k8sReadOnlyRootFilesystem: Rule = {
  id: "k8s-read-only-root-filesystem",
  title: "Containers have a read-only root filesystem",
  severity: "mandatory",
  standards: [{ framework: "Checkov", control: "CKV_K8S_22" }],
  description: "A writable root filesystem lets an attacker drop and run tools inside a pipeline container.",
  fix: "Set securityContext.readOnlyRootFilesystem true and mount an emptyDir for scratch space.",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return checkContainers(workload, (c) => (c.securityContext?.readOnlyRootFilesystem === true ? undefined : "has a writable root filesystem"));
  },
};
