import { actionsOf, describeStatement, identityPolicies, IDENTITY_POLICY_TYPES, resourcesOf, statements } from "../helpers/aws";
import type { Rule } from "../types";

/** No identity policy grants every action on every resource. */
export const iamNoAdminAccess: Rule = {
  id: "iam-no-admin-access",
  title: "IAM policies do not grant full administrative access",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "IAM.1" },
    { framework: "Checkov", control: "CKV_AWS_62" },
  ],
  description: "\"Action\": \"*\" on \"Resource\": \"*\" makes a pipeline role an account administrator.",
  fix: "Grant the named actions the product needs on its own resources.",
  resourceTypes: IDENTITY_POLICY_TYPES,
  check(resource) {
    return identityPolicies(resource).flatMap(({ label, policy }) => statements(policy).flatMap((s, i) =>
      s.Effect === "Allow" && actionsOf(s).includes("*") && (resourcesOf(s).includes("*") || s.NotResource !== undefined)
        ? [`${label} ${describeStatement(s, i)} allows * on *`]
        : []));
  },
};
