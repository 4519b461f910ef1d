import { bucketSetting } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** MFA delete asks for the root user's MFA code to delete a version or suspend versioning. */
export const s3MfaDelete: Rule = {
  id: "s3-mfa-delete",
  title: "S3 buckets require MFA delete",
  severity: "advisory",
  standards: [{ framework: "AWS FSBP", control: "S3.20" }],
  description: "Advisory: only the root user with an MFA device can turn it on, outside any pipeline; versioning, lifecycle and Object Lock (for PHI) cover accidental deletion instead.",
  fix: "As the account root user, enable MFA delete on the bucket's versioning and set versioningConfiguration.mfaDelete Enabled.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const mfaDelete = (bucketSetting(bucket, stack, T.bucketVersioning)?.inputs.versioningConfiguration as Record<string, unknown> | undefined)?.mfaDelete;
    return mfaDelete === "Enabled" ? undefined : "versioning does not require MFA delete";
  },
};
