import { bucketSetting } from "../helpers/aws";
import { isHipaa } from "../helpers/mesh";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** In HIPAA domains every bucket (data and query results) records access; the platform trail records object events. */
export const hipaaAuditLogging: Rule = {
  id: "hipaa-audit-logging",
  title: "HIPAA domains log access to every bucket",
  severity: "mandatory",
  standards: [
    { framework: "HIPAA", control: "§164.312(b)" },
    { framework: "HIPAA", control: "§164.308(a)(1)(ii)(D)" },
  ],
  description: "HIPAA profile: audit controls must record activity on systems holding ePHI, including query results, which copy PHI; object-level events come from the platform trail (cloudtrail-s3-read-events).",
  fix: "Keep server access logging to the account's access-log bucket on every bucket of the domain.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    if (!isHipaa(bucket, stack)) return undefined;
    const target = bucketSetting(bucket, stack, T.bucketLogging)?.inputs.targetBucket;
    return typeof target === "string" && target !== "" ? undefined : "is in a HIPAA domain but does not log server access";
  },
};
