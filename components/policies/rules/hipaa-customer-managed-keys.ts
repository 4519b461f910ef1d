import { bucketSetting, isAwsManagedKeyRef } from "../helpers/aws";
import { isHipaa } from "../helpers/mesh";
import { T } from "../helpers/types";
import { isSet } from "../helpers/values";
import type { PolicyResource, Rule, StackView } from "../types";

/** Where each resource type names its key, and which resource carries that setting (a bucket: its encryption resource). */
function keyReference(resource: PolicyResource, stack: StackView): { holder?: PolicyResource; ref: unknown; what: string } {
  switch (resource.type) {
    case T.bucket: {
      const sse = bucketSetting(resource, stack, T.bucketEncryption);
      const defaults = (sse?.inputs.rules as Record<string, any>[] | undefined)?.[0]?.applyServerSideEncryptionByDefault;
      return { holder: sse, ref: String(defaults?.sseAlgorithm ?? "").startsWith("aws:kms") ? defaults?.kmsMasterKeyId : undefined, what: "default encryption" };
    }
    case T.logGroup:
      return { holder: resource, ref: resource.inputs.kmsKeyId, what: "log encryption" };
    case T.snsTopic:
      return { holder: resource, ref: resource.inputs.kmsMasterKeyId, what: "topic encryption" };
    default: {
      const encryption = (resource.inputs.configuration as Record<string, any> | undefined)?.resultConfiguration?.encryptionConfiguration;
      return { holder: resource, ref: ["SSE_KMS", "CSE_KMS"].includes(encryption?.encryptionOption) ? encryption.kmsKeyArn : undefined, what: "query result encryption" };
    }
  }
}

/**
 * Everything that can hold PHI in a HIPAA domain is encrypted with a customer-managed key: its key policy, rotation
 * and deletion are the domain's to control and audit. A key ARN cannot show who manages the key, so a key id must be
 * one this stack declares; an alias must not be an AWS-managed `alias/aws/...`.
 */
export const hipaaCustomerManagedKeys: Rule = {
  id: "hipaa-customer-managed-keys",
  title: "HIPAA domains encrypt with customer-managed keys",
  severity: "mandatory",
  standards: [{ framework: "HIPAA", control: "§164.312(a)(2)(iv)" }],
  description: "HIPAA profile: buckets, log groups, alert topics and query results of the domain use a KMS key the domain manages, never SSE-S3 or an AWS-managed key whose policy nobody can restrict.",
  fix: "Encrypt with the domain key (Domain keyArn) or another key declared in the stack.",
  resourceTypes: [T.bucket, T.logGroup, T.snsTopic, T.athenaWorkgroup],
  check(resource, stack) {
    if (!isHipaa(resource, stack)) return undefined;
    const { holder, ref, what } = keyReference(resource, stack);
    if (!isSet(ref)) return `${what} does not use a KMS key`;
    if (ref.includes("alias/")) return isAwsManagedKeyRef(ref) ? `${what} uses the AWS-managed ${ref}` : undefined;
    const declared = (holder?.dependsOn ?? []).some((urn) => stack.byUrn(urn)?.type === T.kmsKey);
    return declared ? undefined : `${what} uses key ${ref}, which this stack does not declare`;
  },
};
