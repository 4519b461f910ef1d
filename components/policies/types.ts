/**
 * Governance rules: one per file under rules/, each a plain object that both runners use — the offline runner
 * inside `mesh plan` and the real Pulumi PolicyPack (pack.ts). A rule never sees anything but resources, so the
 * two runners cannot disagree.
 */
export type Severity = "mandatory" | "advisory";

export type Framework = "AWS FSBP" | "cdk-nag" | "Checkov" | "HIPAA" | "Kubernetes PSS" | "CIS Kubernetes" | "Mesh";

/** A control of a published standard that the rule implements, e.g. { framework: "AWS FSBP", control: "S3.5" }. */
export interface StandardRef {
  framework: Framework;
  control: string;
}

/** A resource as the rules see it: the same shape from a plan manifest and from the policy pack. */
export interface PolicyResource {
  urn: string;
  type: string;
  /** Logical name (the last URN segment). */
  name: string;
  inputs: Record<string, any>;
  protect: boolean;
  retainOnDelete?: boolean;
  parent?: string;
  /** URNs of resources this one depends on (including property dependencies). */
  dependsOn: string[];
}

export interface Rule {
  /** Stable id, kebab-case, e.g. `s3-tls-only`. Waivers and findings name it. */
  id: string;
  title: string;
  severity: Severity;
  standards: StandardRef[];
  /** One line: what the rule protects against. */
  description: string;
  /** One line: how to comply. */
  fix: string;
  /** Resource types the rule inspects; `check` runs once per resource of these types. */
  resourceTypes: string[];
  /** Returns the violations of one resource (none: undefined or an empty list). */
  check(resource: PolicyResource, stack: StackView): string | string[] | undefined;
}

/** A violation found by a rule, possibly waived by its domain. */
export interface Finding {
  rule: string;
  severity: Severity;
  urn: string;
  resource: string;
  message: string;
  fix: string;
  /** Set when an unexpired advisory waiver covers this finding. */
  waived?: { reason: string; expires: string };
}

/** Read-only access to the whole stack, for rules that look at related resources. */
export interface StackView {
  readonly resources: readonly PolicyResource[];
  byUrn(urn: string): PolicyResource | undefined;
  /** Resources of `type` that depend on `resource` (e.g. the settings resources of a bucket). */
  dependents(resource: PolicyResource, type: string): PolicyResource[];
  /** Direct children of a component. */
  children(resource: PolicyResource, type?: string): PolicyResource[];
  /** The nearest ancestor of `type`, walking parents. */
  ancestor(resource: PolicyResource, type: string): PolicyResource | undefined;
  ofType(type: string): PolicyResource[];
}
