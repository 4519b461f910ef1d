import { bucketPolicyOf, statements } from "../helpers/aws";
import type { Rule } from "../types";

/** Every bucket's policy denies requests that do not use TLS. */
export const s3TlsOnly: Rule = {
  id: "s3-tls-only",
  title: "S3 buckets require TLS",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.5" },
    { framework: "cdk-nag", control: "AwsSolutions-S10" },
    { framework: "Checkov", control: "CKV_AWS_379" },
  ],
  description: "Requests over plain HTTP can be read or altered in transit.",
  fix: "Add a Deny statement for s3:* when aws:SecureTransport is false (the blueprint's secureBucket does).",
  resourceTypes: ["aws:s3/bucket:Bucket"],
  check(bucket, stack) {
    const policy = bucketPolicyOf(bucket, stack);
    if (!policy) return "has no bucket policy";
    const denies = statements(policy).some(
      (s) => s.Effect === "Deny" && [s.Action].flat().includes("s3:*") && String(s.Condition?.Bool?.["aws:SecureTransport"]) === "false",
    );
    return denies ? undefined : "bucket policy does not deny requests without TLS (aws:SecureTransport false)";
  },
};
