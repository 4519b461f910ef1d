import { T } from "../helpers/types";
import type { Rule } from "../types";

const MIN_DAYS = 365;

/** Pipeline logs are kept at least a year and never forever. */
export const cloudwatchLogGroupRetention: Rule = {
  id: "cloudwatch-log-group-retention",
  title: "CloudWatch log groups keep logs at least a year",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "CloudWatch.16" },
    { framework: "Checkov", control: "CKV_AWS_66" },
    { framework: "Checkov", control: "CKV_AWS_338" },
  ],
  description: "Run logs show what a pipeline did to the data; investigations look back months, and logs without retention are kept (and billed) forever.",
  fix: `Set retentionInDays to at least ${MIN_DAYS} (the blueprint uses the contract retention, at least a year).`,
  resourceTypes: [T.logGroup],
  check(logGroup) {
    const days = logGroup.inputs.retentionInDays;
    if (days === undefined || Number(days) === 0) return "keeps logs forever (no retentionInDays)";
    return Number(days) >= MIN_DAYS ? undefined : `keeps logs ${days} days, less than ${MIN_DAYS}`;
  },
};
