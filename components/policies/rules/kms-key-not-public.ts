import { describeStatement, isPublicAllow, parsePolicy, statements } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Key policies name their principals, or pin a wildcard principal with a condition (aws:PrincipalArn, kms:CallerAccount). */
export const kmsKeyNotPublic: Rule = {
  id: "kms-key-not-public",
  title: "KMS key policies are not public",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "KMS.5" },
    { framework: "Checkov", control: "CKV_AWS_33" },
  ],
  description: "A key policy statement open to any principal lets anyone who reaches the ciphertext decrypt it.",
  fix: "Name principals by ARN, or keep Principal AWS * only with an aws:PrincipalArn or kms:CallerAccount condition (the blueprint does for consumers).",
  resourceTypes: [T.kmsKey],
  check(key) {
    return statements(parsePolicy(key.inputs.policy)).flatMap((s, i) => (isPublicAllow(s) ? [`${describeStatement(s, i)} allows any principal without a pinning condition`] : []));
  },
};
