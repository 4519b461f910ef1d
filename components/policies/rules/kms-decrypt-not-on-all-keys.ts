import { allowsAny, conditionValue, describeStatement, identityPolicies, IDENTITY_POLICY_TYPES, resourcesOf, statements } from "../helpers/aws";
import { list } from "../helpers/values";
import { T } from "../helpers/types";
import type { PolicyResource, Rule, StackView } from "../types";

const DECRYPT = ["kms:Decrypt", "kms:ReEncryptFrom"];

/** `*`, or every key of an account and region (`arn:aws:kms:<region>:<account>:key/*`). */
function meansAllKeys(resource: string): boolean {
  return resource === "*" || /^arn:[^:]+:kms:[^:]*:[^:]*:(key\/)?\*$/.test(resource);
}

/**
 * A statement whose keys are named by exact aliases (`ForAnyValue:StringEquals` on `kms:ResourceAliases`, no
 * wildcard) grants on those keys only: how a consumer names a producer key in another account, whose ARN it cannot
 * know (AWS KMS developer guide, kms:ResourceAliases).
 */
function namesKeysByAlias(s: Parameters<typeof allowsAny>[0]): boolean {
  const aliases = list(conditionValue(s, "ForAnyValue:StringEquals", "kms:ResourceAliases") as string | string[] | undefined);
  return aliases.length > 0 && aliases.every((a) => !/[*?]/.test(a));
}

/** FSBP KMS.1 does not evaluate permissions boundaries: a boundary only caps what roles may do. */
function isPermissionsBoundary(policy: PolicyResource, stack: StackView): boolean {
  return policy.type === T.iamPolicy && stack.ofType(T.iamRole).some((role) => typeof role.inputs.permissionsBoundary === "string"
    && role.inputs.permissionsBoundary.endsWith(`:policy/${policy.inputs.name}`));
}

/** Identity policies grant decrypt on named keys, never on every key. */
export const kmsDecryptNotOnAllKeys: Rule = {
  id: "kms-decrypt-not-on-all-keys",
  title: "IAM policies do not allow decrypt on all KMS keys",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "KMS.1" },
    { framework: "AWS FSBP", control: "KMS.2" },
  ],
  description: "kms:Decrypt on every key lets a role read data of any domain whose key policy trusts the account; permissions boundaries are exempt, as in KMS.1, and so are keys named by exact kms:ResourceAliases.",
  fix: "List the key ARNs the role needs (the producer policy names its domain key).",
  resourceTypes: IDENTITY_POLICY_TYPES,
  check(resource, stack) {
    if (isPermissionsBoundary(resource, stack)) return undefined;
    return identityPolicies(resource).flatMap(({ label, policy }) => statements(policy).flatMap((s, i) =>
      s.Effect === "Allow" && allowsAny(s, DECRYPT) && (s.NotResource !== undefined || (resourcesOf(s).some(meansAllKeys) && !namesKeysByAlias(s)))
        ? [`${label} ${describeStatement(s, i)} allows ${DECRYPT.filter((a) => allowsAny(s, [a])).join(", ")} on all KMS keys`]
        : []));
  },
};
