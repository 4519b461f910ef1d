import { T } from "../helpers/types";
import { isSet } from "../helpers/values";
import type { Rule } from "../types";

/** Pipeline logs can echo data values; they are encrypted with the domain key. */
export const cloudwatchLogGroupEncrypted: Rule = {
  id: "cloudwatch-log-group-encrypted",
  title: "CloudWatch log groups are encrypted with KMS",
  severity: "mandatory",
  standards: [{ framework: "Checkov", control: "CKV_AWS_158" }],
  description: "A stack trace or a debug line can contain personal data; with a KMS key the domain's key policy decides who reads logs.",
  fix: "Set kmsKeyId to the domain key (its policy lets logs.<region>.amazonaws.com use it for the domain's log groups).",
  resourceTypes: [T.logGroup],
  check(logGroup) {
    return isSet(logGroup.inputs.kmsKeyId) ? undefined : "is not encrypted with a KMS key";
  },
};
