import { encryptionRulesOf } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** SSE-KMS buckets use an S3 Bucket Key, so a busy pipeline does not make one KMS call per object. */
export const s3BucketKey: Rule = {
  id: "s3-bucket-key",
  title: "SSE-KMS buckets use a bucket key",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Cost: S3 Bucket Keys" }],
  description: "Without a bucket key every object request calls KMS, which costs per request and can hit KMS request quotas.",
  fix: "Set bucketKeyEnabled true on the aws:kms encryption rule.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const kmsRules = encryptionRulesOf(bucket, stack).filter((r) => String(r.applyServerSideEncryptionByDefault?.sseAlgorithm).startsWith("aws:kms"));
    return kmsRules.some((r) => r.bucketKeyEnabled !== true) ? "encrypts with KMS without a bucket key" : undefined;
  },
};
