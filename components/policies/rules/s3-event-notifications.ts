import { bucketSetting } from "../helpers/aws";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Object events reach EventBridge, so pipelines, the catalog and security tooling react to new data. */
export const s3EventNotifications: Rule = {
  id: "s3-event-notifications",
  title: "S3 buckets publish event notifications",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.11" },
    { framework: "Checkov", control: "CKV2_AWS_62" },
  ],
  description: "Without object events, deletions and unexpected writes go unnoticed until a consumer breaks.",
  fix: "Declare a BucketNotification with eventbridge true (or a topic, queue or function target).",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const n = bucketSetting(bucket, stack, T.bucketNotification)?.inputs;
    const targets = n ? list(n.topics).length + list(n.queues).length + list(n.lambdaFunctions).length : 0;
    return n?.eventbridge === true || targets > 0 ? undefined : "sends object events nowhere";
  },
};
