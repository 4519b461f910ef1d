import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Symmetric customer-managed keys rotate their key material (yearly or faster). */
export const kmsKeyRotation: Rule = {
  id: "kms-key-rotation",
  title: "KMS keys rotate",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "KMS.4" },
    { framework: "cdk-nag", control: "AwsSolutions-KMS5" },
    { framework: "Checkov", control: "CKV_AWS_7" },
  ],
  description: "Rotation limits how much data one compromised key version can decrypt; asymmetric and HMAC keys cannot rotate and are skipped.",
  fix: "Set enableKeyRotation true (rotationPeriodInDays at most 365).",
  resourceTypes: [T.kmsKey],
  check(key) {
    const spec = key.inputs.customerMasterKeySpec ?? key.inputs.keySpec;
    if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT") return undefined;
    if (key.inputs.enableKeyRotation !== true) return "does not rotate";
    const period = key.inputs.rotationPeriodInDays;
    return period === undefined || Number(period) <= 365 ? undefined : `rotates every ${period} days, more than a year`;
  },
};
