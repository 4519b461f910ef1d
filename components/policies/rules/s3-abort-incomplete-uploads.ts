import { bucketSetting } from "../helpers/aws";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Parts of failed multipart uploads are billed until removed; a lifecycle rule removes them. */
export const s3AbortIncompleteUploads: Rule = {
  id: "s3-abort-incomplete-uploads",
  title: "S3 lifecycle aborts incomplete multipart uploads",
  severity: "mandatory",
  standards: [{ framework: "Checkov", control: "CKV_AWS_300" }],
  description: "Parts of uploads that never complete are invisible in listings and are stored and billed forever.",
  fix: "Add abortIncompleteMultipartUpload { daysAfterInitiation } to an enabled lifecycle rule.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    const rules = list(bucketSetting(bucket, stack, T.bucketLifecycle)?.inputs.rules as Record<string, any>[] | undefined);
    return rules.some((r) => r.status === "Enabled" && Number(r.abortIncompleteMultipartUpload?.daysAfterInitiation) > 0)
      ? undefined
      : "no enabled lifecycle rule aborts incomplete multipart uploads";
  },
};
