import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Digest files prove the logs were not altered or deleted after delivery. */
export const cloudtrailLogFileValidation: Rule = {
  id: "cloudtrail-log-file-validation",
  title: "CloudTrail validates log files",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "CloudTrail.4" },
    { framework: "Checkov", control: "CKV_AWS_36" },
    { framework: "HIPAA", control: "§164.312(c)(1)" },
  ],
  description: "Without digest files, tampering with audit logs cannot be detected.",
  fix: "Set enableLogFileValidation true.",
  resourceTypes: [T.trail],
  check(trail) {
    return trail.inputs.enableLogFileValidation === true ? undefined : "does not validate log files";
  },
};
