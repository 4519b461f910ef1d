import { actionMatches, actionsOf, bucketPolicyOf, conditionValue, hasWildcardPrincipal, statements } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** The data perimeter: principals outside the AWS Organization are denied, whatever other statements allow. */
export const s3DenyOutsideOrganization: Rule = {
  id: "s3-deny-outside-organization",
  title: "S3 buckets deny principals outside the organisation",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Data perimeter" }],
  description: "A mistaken grant to another organisation's role, or a leaked cross-account credential, must still be refused.",
  fix: "Add a Deny of s3:* to every principal when aws:PrincipalOrgID is not the mesh's organisation (AWS services exempt).",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const perimeter = statements(bucketPolicyOf(bucket, stack)).some((s) =>
      s.Effect === "Deny"
      && hasWildcardPrincipal(s)
      && actionsOf(s).some((p) => actionMatches(p, "s3:*"))
      && typeof (conditionValue(s, "StringNotEqualsIfExists", "aws:PrincipalOrgID") ?? conditionValue(s, "StringNotEquals", "aws:PrincipalOrgID")) === "string");
    return perimeter ? undefined : "bucket policy does not deny principals outside the organisation (aws:PrincipalOrgID)";
  },
};
