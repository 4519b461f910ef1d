import { bucketSetting } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** All four Block Public Access settings on every bucket. */
export const s3BlockPublicAccess: Rule = {
  id: "s3-block-public-access",
  title: "S3 buckets block all public access",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.1" },
    { framework: "AWS FSBP", control: "S3.8" },
    { framework: "cdk-nag", control: "AwsSolutions-S2" },
    { framework: "Checkov", control: "CKV_AWS_53" },
    { framework: "Checkov", control: "CKV_AWS_54" },
    { framework: "Checkov", control: "CKV_AWS_55" },
    { framework: "Checkov", control: "CKV_AWS_56" },
  ],
  description: "A public ACL or policy would expose data products to the internet; S3.1 (account level) is checked here on every bucket, as domain stacks do not own the account setting.",
  fix: "Declare a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const block = bucketSetting(bucket, stack, T.bucketPublicAccessBlock);
    if (!block) return "has no public access block";
    const off = SETTINGS.filter((s) => block.inputs[s] !== true);
    return off.length > 0 ? `public access block does not set ${off.join(", ")}` : undefined;
  },
};
