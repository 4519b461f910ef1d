import type { PolicyResource, StackView } from "../types";
import { T } from "./types";
import { list } from "./values";

export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  Statement: Statement[] | Statement;
}

/**
 * Parsed policy documents, by their JSON text: about ten rules read each policy of a stack, and parsing it again for
 * each was the policy runner's largest cost (docs/performance.md). Frozen, since every rule shares them.
 */
const parsedPolicies = new Map<string, PolicyDocument | undefined>();
const MAX_PARSED_POLICIES = 5000;

function deepFreeze<V>(value: V): V {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Parses a policy document input (a JSON string or an object); undefined when it is absent or not known yet. */
export function parsePolicy(value: unknown): PolicyDocument | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    if (parsedPolicies.has(value)) return parsedPolicies.get(value);
    let parsed: PolicyDocument | undefined;
    try {
      parsed = deepFreeze(JSON.parse(value));
    } catch {
      parsed = undefined;
    }
    if (parsedPolicies.size >= MAX_PARSED_POLICIES) parsedPolicies.clear();
    parsedPolicies.set(value, parsed);
    return parsed;
  }
  return value as PolicyDocument;
}

export function statements(policy: PolicyDocument | undefined): Statement[] {
  return policy ? list(policy.Statement) : [];
}

/** How a statement is named in a message: its Sid, or its position. */
export function describeStatement(s: Statement, index: number): string {
  return s.Sid ? `statement ${s.Sid}` : `statement #${index + 1}`;
}

export const actionsOf = (s: Statement): string[] => list(s.Action);
export const resourcesOf = (s: Statement): string[] => list(s.Resource);

/**
 * Compiled globs, by flags and pattern: a plan checks the same few action and ARN patterns on every policy of every
 * stack, and compiling them again each time was the policy runner's largest cost (docs/performance.md).
 */
const compiledGlobs = new Map<string, RegExp>();
const MAX_COMPILED_GLOBS = 2000;

/** Whether an IAM glob (`*` any run, `?` one character) matches a value. */
function globMatches(pattern: string, value: string, flags = ""): boolean {
  const key = `${flags}:${pattern}`;
  let re = compiledGlobs.get(key);
  if (!re) {
    const body = pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("");
    // Neither global nor sticky: test() keeps no state between calls.
    re = new RegExp(`^${body}$`, flags);
    // Bounded: resource patterns name ARNs, which grow with the mesh.
    if (compiledGlobs.size >= MAX_COMPILED_GLOBS) compiledGlobs.clear();
    compiledGlobs.set(key, re);
  }
  return re.test(value);
}

/** IAM action patterns are case-insensitive globs: `s3:Get*` matches `s3:GetObject`. */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatches(pattern, action, "i");
}

/** Resource ARN patterns are case-sensitive globs: `arn:aws:s3:::b/*` covers `arn:aws:s3:::b/port/v1/x`. */
export function resourceMatches(pattern: string, arn: string): boolean {
  return globMatches(pattern, arn);
}

/** True when a statement's actions (or NotAction, which allows everything else) reach any of `actions`. */
export function allowsAny(s: Statement, actions: string[]): boolean {
  if (s.NotAction !== undefined) return actions.some((a) => !list(s.NotAction).some((p) => actionMatches(p, a)));
  return actionsOf(s).some((p) => actions.some((a) => actionMatches(p, a)));
}

/** Every principal value of a statement, whatever its kind: `*`, ARNs, account ids, service names. */
export function principalsOf(s: Statement): string[] {
  const p = s.Principal;
  if (p === undefined) return [];
  if (typeof p === "string") return [p];
  return Object.values(p as Record<string, unknown>).flatMap((v) => list(v as string | string[]));
}

/** Principals of one kind (`AWS`, `Service`, `Federated`). */
export function principalsOfKind(s: Statement, kind: "AWS" | "Service" | "Federated"): string[] {
  const p = s.Principal;
  if (p === undefined || typeof p === "string") return p === "*" && kind === "AWS" ? ["*"] : [];
  return list((p as Record<string, unknown>)[kind] as string | string[] | undefined);
}

export function hasWildcardPrincipal(s: Statement): boolean {
  return principalsOf(s).includes("*");
}

/**
 * Condition keys that pin who can use a resource policy. With fixed values under a positive operator they make a
 * wildcard principal non-public — the same keys AWS uses to decide whether a bucket, key or topic policy is public.
 */
const PINNING_KEYS = new Set([
  "aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths", "aws:sourcearn",
  "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:userid",
  "kms:calleraccount", "s3:dataaccesspointarn", "s3:dataaccesspointaccount",
]);

/** A value that names something specific: no bare wildcard, and for ARNs a fixed account. */
function isSpecific(value: unknown): boolean {
  if (typeof value !== "string" || value === "" || value === "*") return false;
  if (value.startsWith("arn:")) return !(value.split(":")[4] ?? "*").includes("*");
  return !value.includes("*");
}

/** True when a condition restricts the statement to specific principals, accounts, organisations or sources. */
export function hasPinningCondition(s: Statement): boolean {
  for (const [operator, entries] of Object.entries(s.Condition ?? {})) {
    // Negated operators and ...IfExists pass requests that lack the key, so they pin nothing.
    if (/Not|IfExists$/.test(operator) || operator === "Null") continue;
    for (const [key, value] of Object.entries(entries ?? {})) {
      if (PINNING_KEYS.has(key.toLowerCase()) && list(value).length > 0 && list(value).every(isSpecific)) return true;
    }
  }
  return false;
}

/** An Allow statement that anyone on the internet could use: a wildcard principal with no pinning condition. */
export function isPublicAllow(s: Statement): boolean {
  return s.Effect === "Allow" && hasWildcardPrincipal(s) && !hasPinningCondition(s);
}

/** The value of a Bool/String condition key, whatever operator case was used. */
export function conditionValue(s: Statement, operator: string, key: string): unknown {
  const entries = Object.entries(s.Condition ?? {}).find(([op]) => op.toLowerCase() === operator.toLowerCase())?.[1];
  return entries ? Object.entries(entries).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1] : undefined;
}

/**
 * A Deny, for everyone, of each of `actions` over plain HTTP (S3.5, SNS3). Pass `s3:*` to ask for every action of a
 * service: only a `s3:*` or `*` pattern covers it.
 */
export function deniesInsecureTransport(s: Statement, actions: string[]): boolean {
  return s.Effect === "Deny"
    && hasWildcardPrincipal(s)
    && actions.every((a) => actionsOf(s).some((p) => actionMatches(p, a)))
    && list(conditionValue(s, "Bool", "aws:SecureTransport") as string).map(String).includes("false");
}

/** The settings resource of `type` that belongs to a bucket (aws v7 keeps each bucket setting in its own resource). */
export function bucketSetting(bucket: PolicyResource, stack: StackView, type: string): PolicyResource | undefined {
  return stack.dependents(bucket, type)[0];
}

export function bucketPolicyOf(bucket: PolicyResource, stack: StackView): PolicyDocument | undefined {
  return parsePolicy(bucketSetting(bucket, stack, T.bucketPolicy)?.inputs.policy);
}

/**
 * True for a bucket that receives S3 server access logs (its policy lets the logging service write). Such a bucket
 * cannot log to itself without a loop, and S3 log delivery only writes to SSE-S3 encrypted buckets.
 */
export function isAccessLogTarget(bucket: PolicyResource, stack: StackView): boolean {
  return statements(bucketPolicyOf(bucket, stack)).some((s) => s.Effect === "Allow" && principalsOfKind(s, "Service").includes("logging.s3.amazonaws.com"));
}

/** The default-encryption rules of a bucket (`applyServerSideEncryptionByDefault` and bucket key). */
export function encryptionRulesOf(bucket: PolicyResource, stack: StackView): Record<string, any>[] {
  return list(bucketSetting(bucket, stack, T.bucketEncryption)?.inputs.rules as Record<string, any>[] | undefined);
}

/** Identity policies a resource carries, labelled for messages: managed, inline (RolePolicy/UserPolicy) and role inline. */
export function identityPolicies(resource: PolicyResource): { label: string; policy: PolicyDocument | undefined }[] {
  if (resource.type === T.iamRole) {
    return list(resource.inputs.inlinePolicies as { name?: string; policy?: unknown }[] | undefined)
      .map((p, i) => ({ label: `inline policy ${p.name ?? `#${i + 1}`}`, policy: parsePolicy(p.policy) }));
  }
  return [{ label: "policy", policy: parsePolicy(resource.inputs.policy) }];
}

/** Resource types that carry identity policies. */
export const IDENTITY_POLICY_TYPES: string[] = [T.iamPolicy, T.iamRolePolicy, T.iamUserPolicy, T.iamRole];

/** True when `arn` names a role called `roleName` (role ARNs may carry a path). */
export function isRoleArnOf(arn: unknown, roleName: unknown): boolean {
  return typeof arn === "string" && typeof roleName === "string" && arn.startsWith("arn:") && arn.endsWith(`/${roleName}`) && arn.includes(":role/");
}

/** True for a reference to a KMS key that AWS manages rather than the customer (`alias/aws/...`). */
export function isAwsManagedKeyRef(ref: string): boolean {
  return /(^|:)alias\/aws\//.test(ref);
}
