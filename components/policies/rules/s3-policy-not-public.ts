import { bucketPolicyOf, describeStatement, isPublicAllow, statements } from "../helpers/aws";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const PUBLIC_GRANTEES = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

/** No bucket policy statement or ACL grants read or write to everyone. */
export const s3PolicyNotPublic: Rule = {
  id: "s3-policy-not-public",
  title: "S3 buckets grant no public read or write",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.2" },
    { framework: "AWS FSBP", control: "S3.3" },
    { framework: "Checkov", control: "CKV_AWS_70" },
    { framework: "Checkov", control: "CKV_AWS_20" },
    { framework: "Checkov", control: "CKV_AWS_57" },
  ],
  description: "A statement with a wildcard principal and no condition pinning the caller (aws:PrincipalArn, aws:PrincipalOrgID, aws:SourceArn, ...) or a public ACL opens the bucket to anyone.",
  fix: "Give each Allow statement a named principal or a condition on aws:PrincipalArn/aws:PrincipalOrgID; never use public canned ACLs.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const problems = statements(bucketPolicyOf(bucket, stack)).flatMap((s, i) => (isPublicAllow(s) ? [`${describeStatement(s, i)} allows any principal without a pinning condition`] : []));
    for (const acl of stack.dependents(bucket, T.bucketAcl)) {
      if (PUBLIC_ACLS.includes(String(acl.inputs.acl))) problems.push(`ACL ${acl.name} is ${acl.inputs.acl}`);
      const grants = list((acl.inputs.accessControlPolicy as Record<string, any> | undefined)?.grants as Record<string, any>[] | undefined);
      if (grants.some((g) => PUBLIC_GRANTEES.test(String(g.grantee?.uri ?? "")))) problems.push(`ACL ${acl.name} grants to a global group`);
    }
    return problems;
  },
};
