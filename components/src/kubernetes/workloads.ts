import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { BuildContext } from "../blueprint/context";
import type { DataProductSpec } from "../blueprint/spec";
import { k8sLabels } from "../blueprint/tags";
import { QUALITY_RESOURCES } from "./namespace";

/** Pod Security `restricted`, field by field: non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp. */
export const RESTRICTED_POD_SECURITY: k8s.types.input.core.v1.PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: 65532,
  runAsGroup: 65532,
  fsGroup: 65532,
  seccompProfile: { type: "RuntimeDefault" },
};

export const RESTRICTED_CONTAINER_SECURITY: k8s.types.input.core.v1.SecurityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};

export interface WorkloadArgs {
  spec: DataProductSpec;
  namespace: k8s.core.v1.Namespace;
  roleArn: pulumi.Input<string>;
  bucketName: string;
  logGroupName: string;
  qualityRunnerImage: string;
}

function cronJob(
  ctx: BuildContext,
  args: WorkloadArgs,
  what: "pipeline" | "quality",
  container: { image: string; args: string[]; resources: { cpu: string; memory: string } },
  schedule: string,
  env: { name: string; value: string }[],
  volumes: { name: string; configMap?: { name: pulumi.Input<string> }; emptyDir?: { sizeLimit: string } }[],
): k8s.batch.v1.CronJob {
  const labels = { ...k8sLabels(ctx.tags), "app.kubernetes.io/name": args.spec.name, "app.kubernetes.io/component": what };
  return new k8s.batch.v1.CronJob(`${ctx.name}-${what}`, {
    metadata: { name: ctx.names.cronJob(args.spec.name, what), namespace: args.namespace.metadata.name, labels },
    spec: {
      schedule,
      timeZone: "Etc/UTC",
      concurrencyPolicy: "Forbid",
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          activeDeadlineSeconds: Math.max(600, Math.min(args.spec.sla.latencySeconds, 6 * 3600)),
          ttlSecondsAfterFinished: 86400,
          template: {
            metadata: { labels },
            spec: {
              serviceAccountName: ctx.names.serviceAccount(args.spec.name),
              automountServiceAccountToken: false,
              restartPolicy: "Never",
              securityContext: RESTRICTED_POD_SECURITY,
              containers: [{
                name: what,
                image: container.image,
                imagePullPolicy: "IfNotPresent",
                args: container.args,
                env,
                resources: { requests: container.resources, limits: container.resources },
                securityContext: RESTRICTED_CONTAINER_SECURITY,
                volumeMounts: volumes.map((v) => ({ name: v.name, mountPath: v.name === "tmp" ? "/tmp" : `/etc/datamesh/${v.name}`, readOnly: v.name !== "tmp" })),
              }],
              volumes,
            },
          },
        },
      },
    },
  }, { parent: ctx.parent, dependsOn: [args.namespace] });
}

/** The product's service account (IRSA), its quality rules as a ConfigMap, and the pipeline and quality CronJobs. */
export function productWorkloads(ctx: BuildContext, args: WorkloadArgs): k8s.batch.v1.CronJob[] {
  const { spec } = args;
  const namespace = args.namespace.metadata.name;
  const labels = k8sLabels(ctx.tags);
  new k8s.core.v1.ServiceAccount(`${ctx.name}-service-account`, {
    metadata: {
      name: ctx.names.serviceAccount(spec.name),
      namespace,
      labels,
      annotations: { "eks.amazonaws.com/role-arn": args.roleArn, "eks.amazonaws.com/sts-regional-endpoints": "true" },
    },
    automountServiceAccountToken: false,
  }, { parent: ctx.parent, dependsOn: [args.namespace] });
  const rules = new k8s.core.v1.ConfigMap(`${ctx.name}-quality-rules`, {
    metadata: { name: `${ctx.names.cronJob(spec.name, "quality")}-rules`, namespace, labels },
    data: {
      // The quality runner's input (quality/src/runner/config.ts): the rules, the latency SLA it measures
      // freshness against, and each port's table and columns (schema conformity, typed comparisons).
      "rules.json": JSON.stringify({
        contractVersion: spec.contractVersion,
        sla: { latencySeconds: spec.sla.latencySeconds, element: spec.sla.latencyElement },
        rules: spec.quality.map((r) => ({ port: r.port, field: r.field, name: r.name, severity: r.severity, dimension: r.dimension, rule: r.definition })),
      }, null, 2),
      "ports.json": JSON.stringify(spec.ports.map((p) => ({
        name: p.name,
        table: p.table,
        major: p.major,
        prefix: p.prefix,
        columns: [...p.port.columns, ...p.port.partitionKeys].map((c) => ({ name: c.name, type: c.glueType })),
        partitionKeys: p.port.partitionKeys.map((c) => c.name),
      }))),
    },
  }, { parent: ctx.parent, dependsOn: [args.namespace] });
  const env = [
    { name: "AWS_REGION", value: ctx.region },
    { name: "DATAMESH_DOMAIN", value: ctx.names.scope.domain },
    { name: "DATAMESH_PRODUCT", value: spec.name },
    { name: "DATAMESH_ENV", value: ctx.names.scope.env },
    { name: "DATAMESH_BUCKET", value: args.bucketName },
    { name: "DATAMESH_GLUE_DATABASE", value: ctx.names.glueDatabase() },
    // The product's own workgroup: results land under its own prefix, which its role may read.
    { name: "DATAMESH_ATHENA_WORKGROUP", value: ctx.names.productWorkgroup(spec.name) },
    { name: "DATAMESH_LOG_GROUP", value: args.logGroupName },
  ];
  const tmp = { name: "tmp", emptyDir: { sizeLimit: "1Gi" } };
  return [
    cronJob(ctx, args, "pipeline", { image: spec.pipeline.image, args: [], resources: spec.pipeline.resources }, spec.pipeline.schedule, env, [tmp]),
    cronJob(ctx, args, "quality", { image: args.qualityRunnerImage, args: ["--rules", "/etc/datamesh/rules/rules.json"], resources: QUALITY_RESOURCES }, spec.qualitySchedule, env, [
      tmp,
      { name: "rules", configMap: { name: rules.metadata.name } },
    ]),
  ];
}
