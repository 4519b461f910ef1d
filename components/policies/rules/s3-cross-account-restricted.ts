import { allowsAny, bucketPolicyOf, describeStatement, principalsOfKind, statements } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** The actions FSBP S3.6 forbids granting to other accounts: they change who controls the bucket. */
const CONTROL_ACTIONS = ["s3:DeleteBucketPolicy", "s3:PutBucketAcl", "s3:PutBucketPolicy", "s3:PutEncryptionConfiguration", "s3:PutObjectAcl"];

/** Consumers in other accounts may read; they may never change the bucket's policy, ACLs or encryption. */
export const s3CrossAccountRestricted: Rule = {
  id: "s3-cross-account-restricted",
  title: "S3 bucket policies give other principals no control actions",
  severity: "mandatory",
  standards: [{ framework: "AWS FSBP", control: "S3.6" }],
  description: "An Allow of bucket-policy, ACL or encryption changes to an AWS principal lets another account take the bucket over.",
  fix: "Grant consumers only read actions (s3:GetObject, s3:ListBucket); keep policy, ACL and encryption changes with the owning account's deployer.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    return statements(bucketPolicyOf(bucket, stack)).flatMap((s, i) =>
      s.Effect === "Allow" && principalsOfKind(s, "AWS").length > 0 && allowsAny(s, CONTROL_ACTIONS)
        ? [`${describeStatement(s, i)} allows ${CONTROL_ACTIONS.filter((a) => allowsAny(s, [a])).join(", ")} to an AWS principal`]
        : [],
    );
  },
};
