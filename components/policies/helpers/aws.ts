import type { PolicyResource, StackView } from "../types";

export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

/** Parses a policy document input (a JSON string or an object); undefined when it is not known yet. */
export function parsePolicy(value: unknown): { Statement: Statement[] } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return value as { Statement: Statement[] };
}

export function statements(policy: { Statement: Statement[] | Statement }): Statement[] {
  return [policy.Statement].flat();
}

/** The settings resource of `type` that belongs to a bucket (aws v7 keeps each bucket setting in its own resource). */
export function bucketSetting(bucket: PolicyResource, stack: StackView, type: string): PolicyResource | undefined {
  return stack.dependents(bucket, type)[0];
}

export function bucketPolicyOf(bucket: PolicyResource, stack: StackView): { Statement: Statement[] } | undefined {
  return parsePolicy(bucketSetting(bucket, stack, "aws:s3/bucketPolicy:BucketPolicy")?.inputs.policy);
}
