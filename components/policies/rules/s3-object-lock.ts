import { bucketSetting } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Object Lock with a default retention makes object versions undeletable for the retention period. */
export const s3ObjectLock: Rule = {
  id: "s3-object-lock",
  title: "S3 buckets use Object Lock",
  severity: "advisory",
  standards: [
    { framework: "AWS FSBP", control: "S3.15" },
    { framework: "Checkov", control: "CKV_AWS_143" },
  ],
  description: "Advisory hardening beyond PHI (where hipaa-phi-object-lock makes it mandatory): locked versions survive a compromised deployer, at the price of data that cannot be deleted early.",
  fix: "Create the bucket with objectLockEnabled and declare a BucketObjectLockConfiguration with a default retention.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    if (bucket.inputs.objectLockEnabled !== true) return "is created without Object Lock";
    const retention = (bucketSetting(bucket, stack, T.bucketObjectLock)?.inputs.rule as Record<string, any> | undefined)?.defaultRetention;
    return Number(retention?.days ?? retention?.years) > 0 ? undefined : "has no default Object Lock retention";
  },
};
