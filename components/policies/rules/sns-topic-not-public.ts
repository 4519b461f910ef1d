import { describeStatement, isPublicAllow, parsePolicy, statements } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Topic policies never let just anyone publish or subscribe. */
export const snsTopicNotPublic: Rule = {
  id: "sns-topic-not-public",
  title: "SNS topic policies are not public",
  severity: "mandatory",
  standards: [{ framework: "AWS FSBP", control: "SNS.4" }],
  description: "A public topic lets anyone subscribe to the alerts (and learn about failures and data) or flood the owners with fake ones. SNS.4 replaces the retired SNS.2.",
  fix: "Grant sns:Publish to the cloudwatch.amazonaws.com service with aws:SourceAccount, never to *.",
  resourceTypes: [T.snsTopicPolicy],
  check(policy) {
    return statements(parsePolicy(policy.inputs.policy)).flatMap((s, i) => (isPublicAllow(s) ? [`${describeStatement(s, i)} allows any principal without a pinning condition`] : []));
  },
};
