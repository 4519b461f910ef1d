import { encryptionRulesOf, isAccessLogTarget } from "../helpers/aws";
import { T } from "../helpers/types";
import { isSet } from "../helpers/values";
import type { Rule } from "../types";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** Data buckets encrypt with a KMS key by default; access-log buckets use SSE-S3, the only kind S3 log delivery writes to. */
export const s3KmsEncryption: Rule = {
  id: "s3-kms-encryption",
  title: "S3 buckets encrypt with KMS by default",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.17" },
    { framework: "Checkov", control: "CKV_AWS_145" },
  ],
  description: "SSE-KMS puts every read behind a key policy and CloudTrail; buckets that receive server access logs must use SSE-S3 instead, because log delivery cannot use KMS.",
  fix: "Declare a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and the domain key (AES256 only for access-log buckets).",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const defaults = encryptionRulesOf(bucket, stack).map((r) => r.applyServerSideEncryptionByDefault as Record<string, unknown> | undefined);
    if (defaults.length === 0 || !defaults[0]) return "has no default encryption";
    const { sseAlgorithm, kmsMasterKeyId } = defaults[0];
    if (isAccessLogTarget(bucket, stack)) return sseAlgorithm === "AES256" ? undefined : `receives access logs but encrypts with ${String(sseAlgorithm)}; log delivery needs AES256`;
    if (!KMS_ALGORITHMS.includes(String(sseAlgorithm))) return `encrypts with ${String(sseAlgorithm)}, not aws:kms`;
    return isSet(kmsMasterKeyId) ? undefined : "uses aws:kms without naming a key (the AWS-managed aws/s3 key)";
  },
};
