import { actionsOf, describeStatement, identityPolicies, IDENTITY_POLICY_TYPES, statements } from "../helpers/aws";
import type { Rule } from "../types";

/** Identity policies list actions by name: no `*`, no `s3:*`, no `s3:Get*`. */
export const iamNoWildcardActions: Rule = {
  id: "iam-no-wildcard-actions",
  title: "IAM policies name every action",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "IAM.21" },
    { framework: "cdk-nag", control: "AwsSolutions-IAM5" },
    { framework: "Checkov", control: "CKV_AWS_63" },
  ],
  description: "Wildcard actions grant whatever the service adds next, including deletes and policy changes nobody reviewed.",
  fix: "Replace wildcards with the exact actions (the blueprint's producer policy lists each); NotAction in an Allow counts as a wildcard.",
  resourceTypes: IDENTITY_POLICY_TYPES,
  check(resource) {
    return identityPolicies(resource).flatMap(({ label, policy }) => statements(policy).flatMap((s, i) => {
      if (s.Effect !== "Allow") return [];
      if (s.NotAction !== undefined) return [`${label} ${describeStatement(s, i)} allows everything except NotAction`];
      const wild = actionsOf(s).filter((a) => a.includes("*"));
      return wild.length > 0 ? [`${label} ${describeStatement(s, i)} uses wildcard actions ${wild.join(", ")}`] : [];
    }));
  },
};
