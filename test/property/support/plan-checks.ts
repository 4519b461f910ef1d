import { providerLocation } from "../../../cli/src/diff/provider-moves";
import type { ManifestResource } from "../../../cli/src/plan/manifest";
import type { NameKind } from "../../../components/src/naming/limits";
import { TAG_LIMITS } from "../../../components/src/naming/limits";
import type { NameClaims } from "./name-claims";

/**
 * Checks of what a stack actually registered (the resource inputs a deployment would send), not of what the naming
 * module meant to build: physical names against the service limits, AWS tags, Kubernetes names and labels.
 */

/** Where a declared physical name must be unique: its account and region, unless noted. */
export interface StackScope {
  account: string;
  region: string;
  /** The EKS cluster (OIDC issuer) Kubernetes resources go to. */
  cluster: string;
}

/** The physical-name inputs of each AWS type the blueprint declares, with the name rule and uniqueness scope. */
const AWS_NAMES: Record<string, { field: string; kind: NameKind; scope: (s: StackScope, r: ManifestResource) => string; declares: boolean }[]> = {
  "aws:s3/bucket:Bucket": [{ field: "bucket", kind: "s3Bucket", scope: () => "", declares: true }],
  "aws:s3/bucketLogging:BucketLogging": [{ field: "targetBucket", kind: "s3Bucket", scope: () => "", declares: false }],
  "aws:glue/catalogDatabase:CatalogDatabase": [{ field: "name", kind: "glue", scope: (s) => `account ${s.account} ${s.region}`, declares: true }],
  "aws:glue/catalogTable:CatalogTable": [
    { field: "name", kind: "glue", scope: (s, r) => `database ${String(r.inputs.databaseName)} in ${s.account} ${s.region}`, declares: true },
    { field: "databaseName", kind: "glue", scope: () => "", declares: false },
  ],
  "aws:iam/role:Role": [{ field: "name", kind: "iamRole", scope: (s) => `account ${s.account}`, declares: true }],
  "aws:iam/policy:Policy": [{ field: "name", kind: "iamPolicy", scope: (s) => `account ${s.account}`, declares: true }],
  "aws:iam/rolePolicy:RolePolicy": [{ field: "name", kind: "iamPolicy", scope: (_s, r) => `role ${String(r.inputs.role)}`, declares: true }],
  "aws:kms/alias:Alias": [{ field: "name", kind: "kmsAlias", scope: (s) => `account ${s.account} ${s.region}`, declares: true }],
  "aws:sns/topic:Topic": [{ field: "name", kind: "snsTopic", scope: (s) => `account ${s.account} ${s.region}`, declares: true }],
  "aws:cloudwatch/metricAlarm:MetricAlarm": [{ field: "name", kind: "cloudwatchAlarm", scope: (s) => `account ${s.account} ${s.region}`, declares: true }],
  "aws:cloudwatch/dashboard:Dashboard": [{ field: "dashboardName", kind: "cloudwatchDashboard", scope: (s) => `account ${s.account}`, declares: true }],
  "aws:cloudwatch/logGroup:LogGroup": [{ field: "name", kind: "logGroup", scope: (s) => `account ${s.account} ${s.region}`, declares: true }],
  "aws:athena/workgroup:Workgroup": [{ field: "name", kind: "athenaWorkgroup", scope: (s) => `account ${s.account} ${s.region}`, declares: true }],
};

/**
 * CloudTrail trail names (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-trail-naming-requirements.html):
 * 3-128 of letters, digits, `._-`, starting and ending with a letter or digit, no two of `._-` side by side, not an
 * IP address. The naming module has no rule for them (the platform builds the name itself), so it is checked here.
 */
export function trailNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string") return "not a string";
  if (name.length < 3 || name.length > 128) return `length ${name.length} not in 3-128`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$/.test(name)) return "characters or shape not allowed";
  if (/[._-]{2}/.test(name)) return "adjacent periods, underscores or dashes";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return "looks like an IP address";
  return undefined;
}

const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Kubernetes label keys and values (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/). */
function labelProblems(where: string, labels: unknown): string[] {
  if (labels === undefined) return [];
  if (!labels || typeof labels !== "object") return [`${where}: labels are not a map`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    const slash = key.lastIndexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) problems.push(`${where}: label key prefix "${prefix}" is not a DNS subdomain`);
    if (name.length > 63 || !LABEL_NAME.test(name)) problems.push(`${where}: label key "${key}" is not a valid name`);
    if (typeof value !== "string" || value.length > 63 || !LABEL_VALUE.test(value)) problems.push(`${where}: label ${key}=${JSON.stringify(value)} is not a valid label value (63 characters of [A-Za-z0-9_.-], alphanumeric at both ends)`);
  }
  return problems;
}

/** AWS tag limits (TAG_LIMITS) and characters (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
function tagProblems(where: string, tags: unknown): string[] {
  if (tags === undefined) return [];
  if (!tags || typeof tags !== "object") return [`${where}: tags are not a map`];
  const entries = Object.entries(tags as Record<string, unknown>);
  const problems: string[] = [];
  if (entries.length > TAG_LIMITS.maxTags) problems.push(`${where}: ${entries.length} tags, more than ${TAG_LIMITS.maxTags}`);
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > TAG_LIMITS.keyMax) problems.push(`${where}: tag key "${key}" is not 1-${TAG_LIMITS.keyMax} characters`);
    if (key.toLowerCase().startsWith("aws:")) problems.push(`${where}: tag key "${key}" uses the reserved aws: prefix`);
    if (typeof value !== "string") {
      problems.push(`${where}: tag ${key} is ${JSON.stringify(value)}, not a string`);
      continue;
    }
    if (value.length > TAG_LIMITS.valueMax) problems.push(`${where}: tag ${key} is ${value.length} characters, more than ${TAG_LIMITS.valueMax}`);
    for (const [what, text] of [["key", key], ["value", value]] as const) {
      if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(text)) problems.push(`${where}: tag ${what} ${JSON.stringify(text)} has characters AWS refuses`);
    }
  }
  return problems;
}

/**
 * Every problem with the physical names, tags and Kubernetes metadata of one stack's resources. Declared names
 * are claimed in `claims`, which also finds a name two resources (of this or another stack) would both take.
 */
export function stackProblems(stack: string, resources: readonly ManifestResource[], scope: StackScope, claims: NameClaims): string[] {
  const problems: string[] = [];
  const urns = new Set<string>();
  // A resource lives where its provider puts it: the platform stack reaches other accounts through providers of their own.
  const providers = new Map(resources.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => [r.urn, r]));
  const scopeOf = (r: ManifestResource): StackScope => {
    const provider = r.provider ? providers.get(r.provider.slice(0, r.provider.lastIndexOf("::"))) : undefined;
    const at = provider?.type === "pulumi:providers:aws" ? providerLocation(provider) : {};
    return { ...scope, account: typeof at.account === "string" ? at.account : scope.account, region: typeof at.region === "string" ? at.region : scope.region };
  };
  for (const r of resources) {
    const where = `${stack}: ${r.type} ${r.name}`;
    if (urns.has(r.urn)) problems.push(`${where}: URN ${r.urn} is registered twice`);
    urns.add(r.urn);
    for (const n of AWS_NAMES[r.type] ?? []) {
      if (n.declares) claims.claim(n.kind, n.scope(scopeOf(r), r), r.inputs[n.field], `${stack}:${r.name}`);
      else if (typeof r.inputs[n.field] !== "string" || claims.problemOf(n.kind, r.inputs[n.field] as string)) problems.push(`${where}: ${n.field} ${JSON.stringify(r.inputs[n.field])} is not a valid ${n.kind} name`);
    }
    if (r.type === "aws:cloudtrail/trail:Trail") {
      const problem = trailNameProblem(r.inputs.name);
      if (problem) problems.push(`${where}: trail name ${JSON.stringify(r.inputs.name)} is invalid (${problem})`);
    }
    if (r.type.startsWith("aws:")) problems.push(...tagProblems(where, r.inputs.tags));
    if (r.type.startsWith("kubernetes:")) {
      const metadata = (r.inputs.metadata ?? {}) as { name?: unknown; namespace?: unknown; labels?: unknown };
      const kind = r.type.split(":").pop()!;
      const namespace = kind === "Namespace" ? "" : String(metadata.namespace ?? "default");
      claims.claim(kind === "CronJob" ? "k8sCronJob" : "k8sName", `${scope.cluster} ${kind} in namespace ${namespace}`, metadata.name, `${stack}:${r.name}`);
      if (namespace && claims.problemOf("k8sName", namespace)) problems.push(`${where}: namespace "${namespace}" is not a DNS-1123 label`);
      problems.push(...labelProblems(where, metadata.labels));
      const template = (r.inputs.spec as { jobTemplate?: { spec?: { template?: { metadata?: { labels?: unknown } } } } } | undefined)?.jobTemplate?.spec?.template?.metadata;
      if (template) problems.push(...labelProblems(`${where} pod template`, template.labels));
    }
  }
  return problems;
}
