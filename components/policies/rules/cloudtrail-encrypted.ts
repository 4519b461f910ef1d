import { T } from "../helpers/types";
import { isSet } from "../helpers/values";
import type { Rule } from "../types";

/** Trail logs name every object and caller; they are encrypted with a customer-managed key. */
export const cloudtrailEncrypted: Rule = {
  id: "cloudtrail-encrypted",
  title: "CloudTrail logs are encrypted with KMS",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "CloudTrail.2" },
    { framework: "Checkov", control: "CKV_AWS_35" },
  ],
  description: "Audit logs reveal data layout and access patterns; SSE-KMS keeps them readable only to those the key policy allows.",
  fix: "Set kmsKeyId to a customer-managed key whose policy lets cloudtrail.amazonaws.com encrypt for this trail.",
  resourceTypes: [T.trail],
  check(trail) {
    return isSet(trail.inputs.kmsKeyId) ? undefined : "does not encrypt its logs with a KMS key";
  },
};
