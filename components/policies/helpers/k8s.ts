import type { PolicyResource, StackView } from "../types";
import { T } from "./types";
import { list } from "./values";

/** Kubernetes resources that run pods; the workload rules check the pod template of each. */
export const WORKLOAD_TYPES: string[] = [T.k8sCronJob, T.k8sJob, T.k8sPod, T.k8sDeployment, T.k8sStatefulSet, T.k8sDaemonSet];

/** Namespaced objects the blueprint declares (for the default-namespace rule). */
export const NAMESPACED_TYPES: string[] = [
  ...WORKLOAD_TYPES, T.k8sServiceAccount, T.k8sConfigMap, T.k8sNetworkPolicy, T.k8sRole, T.k8sRoleBinding, T.k8sResourceQuota, T.k8sLimitRange,
];

type Spec = Record<string, any>;

/** The pod spec of a workload: a CronJob's job template, a Pod's own spec, or a controller's template. */
export function podSpecOf(workload: PolicyResource): Spec | undefined {
  const spec = workload.inputs.spec as Spec | undefined;
  if (workload.type === T.k8sCronJob) return spec?.jobTemplate?.spec?.template?.spec;
  if (workload.type === T.k8sPod) return spec;
  return spec?.template?.spec;
}

export interface Container {
  name: string;
  spec: Spec;
}

/** Every container of a pod spec, init and ephemeral containers included: each runs with the pod's privileges. */
export function containersOf(pod: Spec | undefined): Container[] {
  return ["initContainers", "containers", "ephemeralContainers"].flatMap((field) =>
    list(pod?.[field] as Spec[] | undefined).map((c) => ({ name: String(c.name ?? field), spec: c })),
  );
}

/** Runs a container check over a workload's containers and prefixes each problem with the container's name. */
export function checkContainers(workload: PolicyResource, check: (container: Spec, pod: Spec) => string | undefined): string[] {
  const pod = podSpecOf(workload);
  if (!pod) return ["has no pod template"];
  return containersOf(pod).flatMap((c) => {
    const problem = check(c.spec, pod);
    return problem ? [`container ${c.name}: ${problem}`] : [];
  });
}

export function nameOf(resource: PolicyResource): string | undefined {
  return (resource.inputs.metadata as Spec | undefined)?.name;
}

export function namespaceOf(resource: PolicyResource): string | undefined {
  return (resource.inputs.metadata as Spec | undefined)?.namespace;
}

/** Objects of `type` declared in the namespace a Namespace resource creates. */
export function inNamespace(namespace: PolicyResource, stack: StackView, type: string): PolicyResource[] {
  const name = nameOf(namespace);
  return stack.ofType(type).filter((r) => namespaceOf(r) === name);
}
