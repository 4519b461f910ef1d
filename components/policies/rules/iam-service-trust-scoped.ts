import { conditionValue, describeStatement, hasWildcardPrincipal, parsePolicy, principalsOfKind, statements } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Who may assume a role: never everyone, and an AWS service only on behalf of this account (confused deputy). */
export const iamServiceTrustScoped: Rule = {
  id: "iam-service-trust-scoped",
  title: "Role trust policies name their principals and scope services",
  severity: "mandatory",
  standards: [
    { framework: "Checkov", control: "CKV_AWS_60" },
    { framework: "Checkov", control: "CKV_AWS_61" },
  ],
  description: "A wildcard trust lets any AWS account assume the role; a service principal without aws:SourceAccount or aws:SourceArn can be driven by another account's resources (confused deputy).",
  fix: "Name the principal; for a service principal add StringEquals aws:SourceAccount (or aws:SourceArn) of the owning account.",
  resourceTypes: [T.iamRole],
  check(role) {
    return statements(parsePolicy(role.inputs.assumeRolePolicy)).flatMap((s, i) => {
      if (s.Effect !== "Allow") return [];
      if (hasWildcardPrincipal(s)) return [`${describeStatement(s, i)} trusts any principal`];
      const scoped = ["aws:SourceAccount", "aws:SourceArn"].some((key) => conditionValue(s, "StringEquals", key) !== undefined || conditionValue(s, "ArnEquals", key) !== undefined || conditionValue(s, "ArnLike", key) !== undefined);
      return principalsOfKind(s, "Service").length > 0 && !scoped ? [`${describeStatement(s, i)} trusts a service without aws:SourceAccount or aws:SourceArn`] : [];
    });
  },
};
