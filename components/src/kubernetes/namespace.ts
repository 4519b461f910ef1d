import * as k8s from "@pulumi/kubernetes";
import type { BuildContext } from "../blueprint/context";
import { k8sLabels } from "../blueprint/tags";
import { physicalName } from "../naming/build";
import { mebibytes, millicores } from "./quantities";

/** The resources one product's jobs may use at once: its pipeline plus the quality runner. */
export interface WorkloadBudget {
  serviceAccounts: string[];
  cpuMillicores: number;
  memoryMebibytes: number;
  cronJobs: number;
}

export const QUALITY_RESOURCES = { cpu: "250m", memory: "512Mi" } as const;

/**
 * The domain's namespace on the environment's cluster: Pod Security `restricted` enforced, a quota sized from
 * the products' declared resources, default limits, default-deny networking with DNS and HTTPS egress only,
 * and a Role for the pipelines that lists exactly what they may touch.
 */
export function domainNamespace(ctx: BuildContext, budget: WorkloadBudget): k8s.core.v1.Namespace {
  const labels = k8sLabels(ctx.tags);
  const name = ctx.names.namespace();
  const ns = new k8s.core.v1.Namespace(`${ctx.name}-namespace`, {
    metadata: {
      name,
      labels: {
        ...labels,
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "latest",
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/warn": "restricted",
      },
    },
  }, { parent: ctx.parent, provider: ctx.kubernetesProvider });
  const opts = { parent: ctx.parent, provider: ctx.kubernetesProvider, dependsOn: [ns] };
  // Through the naming module: cutting a long namespace name would give every object of the namespace one name.
  const metadata = (suffix: string) => ({ name: physicalName("k8sName", [name, suffix]), namespace: name, labels });

  // Headroom of 2x: a pipeline and its quality check may overlap with a retried run.
  const cpu = Math.max(1000, budget.cpuMillicores * 2);
  const memory = Math.max(1024, budget.memoryMebibytes * 2);
  new k8s.core.v1.ResourceQuota(`${ctx.name}-quota`, {
    metadata: metadata("quota"),
    spec: {
      hard: {
        "requests.cpu": `${cpu}m`,
        "limits.cpu": `${cpu}m`,
        "requests.memory": `${memory}Mi`,
        "limits.memory": `${memory}Mi`,
        pods: String(Math.max(4, budget.cronJobs * 2)),
        "count/cronjobs.batch": String(budget.cronJobs),
        "services.loadbalancers": "0",
        "services.nodeports": "0",
      },
    },
  }, opts);
  new k8s.core.v1.LimitRange(`${ctx.name}-limits`, {
    metadata: metadata("limits"),
    spec: {
      limits: [{
        type: "Container",
        default: { cpu: "500m", memory: "512Mi" },
        defaultRequest: { cpu: "100m", memory: "128Mi" },
        max: { cpu: "4", memory: "16Gi" },
      }],
    },
  }, opts);
  new k8s.networking.v1.NetworkPolicy(`${ctx.name}-default-deny`, {
    metadata: metadata("default-deny"),
    spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
  }, opts);
  new k8s.networking.v1.NetworkPolicy(`${ctx.name}-egress-dns-https`, {
    metadata: metadata("egress-dns-https"),
    spec: {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
        },
        {
          // AWS APIs over TLS; the instance metadata endpoint stays closed (IRSA needs no IMDS).
          to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32"] } }],
          ports: [{ protocol: "TCP", port: 443 }],
        },
      ],
    },
  }, opts);
  const role = new k8s.rbac.v1.Role(`${ctx.name}-pipeline-role`, {
    metadata: metadata("pipeline"),
    rules: [
      { apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] },
      { apiGroups: [""], resources: ["events"], verbs: ["create", "patch"] },
      { apiGroups: ["batch"], resources: ["jobs"], verbs: ["get", "list"] },
    ],
  }, opts);
  new k8s.rbac.v1.RoleBinding(`${ctx.name}-pipeline-binding`, {
    metadata: metadata("pipeline"),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
    subjects: budget.serviceAccounts.map((sa) => ({ kind: "ServiceAccount", name: sa, namespace: name })),
  }, opts);
  return ns;
}

export function workloadBudget(products: { name: string; resources: { cpu: string; memory: string } }[], serviceAccount: (p: string) => string): WorkloadBudget {
  return {
    serviceAccounts: products.map((p) => serviceAccount(p.name)),
    cpuMillicores: products.reduce((sum, p) => sum + millicores(p.resources.cpu) + millicores(QUALITY_RESOURCES.cpu), 0),
    memoryMebibytes: products.reduce((sum, p) => sum + mebibytes(p.resources.memory) + mebibytes(QUALITY_RESOURCES.memory), 0),
    cronJobs: products.length * 2,
  };
}
