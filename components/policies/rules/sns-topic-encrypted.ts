import { T } from "../helpers/types";
import { isSet } from "../helpers/values";
import type { Rule } from "../types";

/** Alert topics carry product and failure details; they are encrypted at rest with KMS. */
export const snsTopicEncrypted: Rule = {
  id: "sns-topic-encrypted",
  title: "SNS topics are encrypted with KMS",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "SNS.1" },
    { framework: "cdk-nag", control: "AwsSolutions-SNS2" },
    { framework: "Checkov", control: "CKV_AWS_26" },
  ],
  description: "Messages stored by SNS until delivery are readable by anyone with access to the service's storage unless encrypted.",
  fix: "Set kmsMasterKeyId to the domain key (its policy lets CloudWatch alarms use it).",
  resourceTypes: [T.snsTopic],
  check(topic) {
    return isSet(topic.inputs.kmsMasterKeyId) ? undefined : "is not encrypted with a KMS key";
  },
};
