import { bucketSetting } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Every bucket keeps object versions, so an overwrite or delete can be undone. */
export const s3Versioning: Rule = {
  id: "s3-versioning",
  title: "S3 buckets are versioned",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.14" },
    { framework: "Checkov", control: "CKV_AWS_21" },
  ],
  description: "Without versioning a faulty pipeline run or a malicious delete destroys data for good.",
  fix: "Declare BucketVersioning with versioningConfiguration.status Enabled.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const versioning = bucketSetting(bucket, stack, T.bucketVersioning);
    const status = (versioning?.inputs.versioningConfiguration as Record<string, unknown> | undefined)?.status;
    return status === "Enabled" ? undefined : versioning ? `versioning is ${String(status)}` : "has no versioning configuration";
  },
};
