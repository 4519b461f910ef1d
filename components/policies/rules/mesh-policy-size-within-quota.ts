import { T } from "../helpers/types";
import type { PolicyResource, Rule, StackView } from "../types";

/**
 * The documented size quotas of the policy documents the blueprint writes. None can be raised, so a policy above
 * one fails only at deploy time (MalformedPolicyDocument / LimitExceeded), after other resources have changed.
 * Policies grow with the mesh: every approved consumer adds its role to a bucket and a key policy.
 */
const QUOTAS = {
  /** S3 User Guide, "Bucket policies": "Bucket policies are limited to 20 KB in size." */
  bucketPolicy: { limit: 20 * 1024, unit: "bytes", source: "S3's 20 KB bucket policy quota" },
  /** AWS KMS Developer Guide, "Key policies": the maximum length of a key policy document is 32 KB (32,768 bytes). */
  keyPolicy: { limit: 32 * 1024, unit: "bytes", source: "KMS's 32 KB key policy quota" },
  /** IAM User Guide, "IAM and AWS STS quotas": the inline policies of one role total at most 10,240 characters. */
  roleInline: { limit: 10_240, unit: "characters", source: "IAM's 10,240-character quota for a role's inline policies" },
  /** Same page: a managed policy is at most 6,144 characters (the permissions boundary is one). */
  managed: { limit: 6_144, unit: "characters", source: "IAM's 6,144-character managed policy quota" },
  /** Same page: a role trust policy is at most 2,048 characters by default (4,096 on request). */
  trust: { limit: 2_048, unit: "characters", source: "IAM's 2,048-character role trust policy quota" },
} as const;

type Quota = (typeof QUOTAS)[keyof typeof QUOTAS];

/** IAM does not count white space; S3 and KMS limit the document as sent. */
function sizeOf(value: unknown, quota: Quota): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return quota.unit === "characters" ? text.replace(/\s/g, "").length : Buffer.byteLength(text, "utf8");
}

function over(what: string, size: number | undefined, quota: Quota): string[] {
  if (size === undefined || size <= quota.limit) return [];
  return [`${what} is ${size.toLocaleString("en-US")} ${quota.unit}, above ${quota.source} (${quota.limit.toLocaleString("en-US")}): the deploy would fail`];
}

/** The sum of every inline policy of the role this RolePolicy belongs to (IAM's quota is per role, not per policy). */
function roleInlineTotal(policy: PolicyResource, stack: StackView): number | undefined {
  const role = policy.inputs.role;
  const siblings = stack.resources.filter((r) => r.type === T.iamRolePolicy && r.inputs.role === role);
  // Report once per role: on its first inline policy.
  if (siblings[0]?.urn !== policy.urn) return undefined;
  return siblings.reduce((n, r) => n + (sizeOf(r.inputs.policy, QUOTAS.roleInline) ?? 0), 0);
}

export const meshPolicySizeWithinQuota: Rule = {
  id: "mesh-policy-size-within-quota",
  title: "Bucket, key and IAM policies fit their service's size quota",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Deployable plans: service quotas" }],
  description: "A policy above its service's fixed size quota is accepted by the plan but rejected by AWS at deploy time, half-way through the stack.",
  fix: "Split the product (fewer consumers per bucket or domain), or ask the platform team to move consumer grants to access points; no quota here can be raised.",
  resourceTypes: [T.bucketPolicy, T.kmsKey, T.iamRolePolicy, T.iamPolicy, T.iamRole],
  check(resource, stack) {
    switch (resource.type) {
      case T.bucketPolicy:
        return over("bucket policy", sizeOf(resource.inputs.policy, QUOTAS.bucketPolicy), QUOTAS.bucketPolicy);
      case T.kmsKey:
        return over("key policy", sizeOf(resource.inputs.policy, QUOTAS.keyPolicy), QUOTAS.keyPolicy);
      case T.iamRolePolicy:
        return over(`inline policies of role ${String(resource.inputs.role)}`, roleInlineTotal(resource, stack), QUOTAS.roleInline);
      case T.iamPolicy:
        return over("managed policy", sizeOf(resource.inputs.policy, QUOTAS.managed), QUOTAS.managed);
      default:
        return over("trust policy", sizeOf(resource.inputs.assumeRolePolicy, QUOTAS.trust), QUOTAS.trust);
    }
  },
};
