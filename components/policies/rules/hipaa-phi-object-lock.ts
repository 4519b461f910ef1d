import { bucketSetting } from "../helpers/aws";
import { isHipaa, productInputs, tagOf } from "../helpers/mesh";
import { T } from "../helpers/types";
import type { Rule } from "../types";
import { TAG_KEYS } from "../../src/blueprint/tags";

/** Days of a default Object Lock retention (`days`, or `years` counted as 365 days). */
function lockDays(retention: Record<string, unknown> | undefined): number {
  return Number(retention?.days ?? 0) || Number(retention?.years ?? 0) * 365;
}

/** PHI lives only in buckets whose object versions are locked for at least the contract's retention. */
export const hipaaPhiObjectLock: Rule = {
  id: "hipaa-phi-object-lock",
  title: "PHI buckets use Object Lock for the retention period",
  severity: "mandatory",
  standards: [
    { framework: "HIPAA", control: "§164.312(c)(1)" },
    { framework: "HIPAA", control: "§164.316(b)(2)(i)" },
    { framework: "AWS FSBP", control: "S3.15" },
  ],
  description: "HIPAA profile (domains with compliance hipaa): a bucket tagged mesh:sensitivity=phi must be created with Object Lock and a default retention of at least the contract's, so PHI cannot be altered or destroyed early.",
  fix: "Keep objectLockEnabled and the BucketObjectLockConfiguration the blueprint adds for products whose ports contain PHI.",
  resourceTypes: [T.bucket],
  check(bucket, stack) {
    if (!isHipaa(bucket, stack) || tagOf(bucket, TAG_KEYS.sensitivity) !== "phi") return undefined;
    if (bucket.inputs.objectLockEnabled !== true) return "holds PHI but is created without Object Lock";
    const rule = bucketSetting(bucket, stack, T.bucketObjectLock)?.inputs.rule as Record<string, any> | undefined;
    const days = lockDays(rule?.defaultRetention);
    if (days <= 0) return "holds PHI but has no default Object Lock retention";
    const product = stack.ancestor(bucket, T.dataProduct);
    const required = product ? Number(productInputs(product).sla?.retentionDays ?? 0) : 0;
    return days >= required ? undefined : `locks objects ${days} days, less than the contract's retention of ${required} days`;
  },
};
