import { bucketSetting, isAccessLogTarget } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Every bucket logs requests to the shared access-log bucket, except the log bucket itself. */
export const s3AccessLogging: Rule = {
  id: "s3-access-logging",
  title: "S3 buckets log server access",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.9" },
    { framework: "cdk-nag", control: "AwsSolutions-S1" },
    { framework: "Checkov", control: "CKV_AWS_18" },
  ],
  description: "Access logs are the record of who read or wrote which object; a bucket that receives access logs is exempt, as logging it to itself would loop.",
  fix: "Declare a BucketLogging that sends access logs to the account's access-log bucket with a per-bucket prefix.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    if (isAccessLogTarget(bucket, stack)) return undefined;
    const logging = bucketSetting(bucket, stack, T.bucketLogging);
    if (!logging || typeof logging.inputs.targetBucket !== "string" || logging.inputs.targetBucket === "") return "has no server access logging";
    return logging.inputs.targetBucket === bucket.inputs.bucket ? "logs to itself" : undefined;
  },
};
