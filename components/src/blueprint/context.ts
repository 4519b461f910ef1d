import type * as pulumi from "@pulumi/pulumi";
import type { Names } from "../naming/names";
import type { Tags } from "./spec";

/**
 * What every piece of the blueprint needs to declare resources: the parent component, the resource options,
 * the tags and the names. Pieces are plain functions over this, not components of
 * their own, so the resource tree stays shallow and the URNs stay stable.
 */
export interface BuildContext {
  /** Prefix for child resource names: the component's own name. */
  name: string;
  parent: pulumi.Resource;
  names: Names;
  tags: Tags;
  /** Options for every AWS resource: the parent and the domain's account-pinned provider. */
  opts: pulumi.CustomResourceOptions;
  /**
   * @deprecated The same as `opts`. Whether a resource is protected and retained follows from its type
   * (data-resources.ts, applied by the components' transformation), not from the options a call passes.
   */
  stateful: pulumi.CustomResourceOptions;
  region: string;
  account: string;
}

/** Shorthand for IAM/KMS/S3 policy documents, serialised once all ARNs are known. */
export interface PolicyStatement {
  Sid: string;
  Effect: "Allow" | "Deny";
  Principal?: unknown;
  Action: string | string[];
  /** Absent in trust policies. */
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export function policyDocument(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
