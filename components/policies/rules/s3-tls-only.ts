import { bucketPolicyOf, deniesInsecureTransport, statements } from "../helpers/aws";
import { T } from "../helpers/types";
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
    { framework: "HIPAA", control: "§164.312(e)(1)" },
  ],
  description: "Requests over plain HTTP can be read or altered in transit.",
  fix: "Add a Deny statement for s3:* to every principal when aws:SecureTransport is false (the blueprint's secureBucket does).",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const policy = bucketPolicyOf(bucket, stack);
    if (!policy) return "has no bucket policy";
    return statements(policy).some((s) => deniesInsecureTransport(s, ["s3:*"]))
      ? undefined
      : "bucket policy does not deny requests without TLS (aws:SecureTransport false)";
  },
};
