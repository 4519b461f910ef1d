import { checkContainers, podSpecOf, WORKLOAD_TYPES } from "../helpers/k8s";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Pods share nothing with the node: no privileged mode, host namespaces, host paths or host ports. */
export const k8sNoHostAccess: Rule = {
  id: "k8s-no-host-access",
  title: "Pods are not privileged and share nothing with the host",
  severity: "mandatory",
  standards: [
    { framework: "Kubernetes PSS", control: "baseline: Privileged Containers" },
    { framework: "Kubernetes PSS", control: "baseline: Host Namespaces" },
    { framework: "Kubernetes PSS", control: "baseline: HostPath Volumes" },
    { framework: "Kubernetes PSS", control: "baseline: Host Ports" },
    { framework: "CIS Kubernetes", control: "5.2.2" },
    { framework: "CIS Kubernetes", control: "5.2.3" },
    { framework: "CIS Kubernetes", control: "5.2.4" },
    { framework: "CIS Kubernetes", control: "5.2.5" },
    { framework: "CIS Kubernetes", control: "5.2.12" },
    { framework: "CIS Kubernetes", control: "5.2.13" },
    { framework: "Checkov", control: "CKV_K8S_16" },
    { framework: "Checkov", control: "CKV_K8S_17" },
    { framework: "Checkov", control: "CKV_K8S_18" },
    { framework: "Checkov", control: "CKV_K8S_19" },
  ],
  description: "A privileged container, a host namespace or a host path is direct access to the node and to every other pod on it.",
  fix: "Remove privileged, hostNetwork, hostPID, hostIPC, hostPath volumes and hostPort from the pod template.",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    const pod = podSpecOf(workload);
    const problems: string[] = [];
    for (const field of ["hostNetwork", "hostPID", "hostIPC"]) if (pod?.[field] === true) problems.push(`sets ${field}`);
    for (const v of list(pod?.volumes as Record<string, unknown>[] | undefined)) if (v.hostPath) problems.push(`mounts host path volume ${String(v.name)}`);
    problems.push(...checkContainers(workload, (c) => {
      if (c.securityContext?.privileged === true) return "is privileged";
      const hostPorts = list(c.ports as { hostPort?: number }[] | undefined).filter((p) => p.hostPort);
      return hostPorts.length > 0 ? `binds host ports ${hostPorts.map((p) => p.hostPort).join(", ")}` : undefined;
    }));
    return problems;
  },
};
