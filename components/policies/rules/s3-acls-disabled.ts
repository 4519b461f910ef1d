import { bucketSetting } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Access is decided by policies alone: ACLs are disabled with BucketOwnerEnforced ownership. */
export const s3AclsDisabled: Rule = {
  id: "s3-acls-disabled",
  title: "S3 buckets disable ACLs",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.12" },
    { framework: "Checkov", control: "CKV2_AWS_65" },
  ],
  description: "ACLs grant access outside the bucket policy and let writers from other accounts own objects the bucket owner cannot read.",
  fix: "Declare BucketOwnershipControls with objectOwnership BucketOwnerEnforced and no BucketAcl.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const problems: string[] = [];
    const ownership = bucketSetting(bucket, stack, T.bucketOwnership);
    const mode = (ownership?.inputs.rule as Record<string, unknown> | undefined)?.objectOwnership;
    if (mode !== "BucketOwnerEnforced") problems.push(ownership ? `object ownership is ${String(mode)}, not BucketOwnerEnforced` : "has no ownership controls");
    for (const acl of stack.dependents(bucket, T.bucketAcl)) problems.push(`declares ACL ${acl.name}`);
    return problems;
  },
};
