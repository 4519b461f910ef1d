import { bucketSetting } from "../helpers/aws";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Versioned buckets expire noncurrent versions, so undo history does not grow (and cost) forever. */
export const s3Lifecycle: Rule = {
  id: "s3-lifecycle",
  title: "S3 buckets have lifecycle rules that expire noncurrent versions",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.10" },
    { framework: "AWS FSBP", control: "S3.13" },
    { framework: "Checkov", control: "CKV2_AWS_61" },
  ],
  description: "Without a lifecycle configuration versioned data is kept indefinitely, past the contract's retention and at growing cost.",
  fix: "Declare a BucketLifecycleConfiguration with an enabled rule setting noncurrentVersionExpiration (the blueprint derives it from classification).",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const lifecycle = bucketSetting(bucket, stack, T.bucketLifecycle);
    if (!lifecycle) return "has no lifecycle configuration";
    const enabled = list(lifecycle.inputs.rules as Record<string, any>[] | undefined).filter((r) => r.status === "Enabled");
    if (enabled.length === 0) return "has no enabled lifecycle rule";
    return enabled.some((r) => Number(r.noncurrentVersionExpiration?.noncurrentDays) > 0) ? undefined : "no enabled lifecycle rule expires noncurrent versions";
  },
};
