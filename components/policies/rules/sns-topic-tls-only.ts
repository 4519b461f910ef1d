import { deniesInsecureTransport, parsePolicy, statements } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Topic policies deny publishing over plain HTTP. */
export const snsTopicTlsOnly: Rule = {
  id: "sns-topic-tls-only",
  title: "SNS topics require TLS for publishing",
  severity: "mandatory",
  standards: [
    { framework: "cdk-nag", control: "AwsSolutions-SNS3" },
    { framework: "HIPAA", control: "§164.312(e)(1)" },
  ],
  description: "An alert published over HTTP can be read or forged in transit.",
  fix: "Add a TopicPolicy statement denying sns:Publish to every principal when aws:SecureTransport is false.",
  resourceTypes: [T.snsTopic],
  check(topic, stack) {
    const policies = stack.dependents(topic, T.snsTopicPolicy);
    if (policies.length === 0) return "has no topic policy";
    return policies.some((p) => statements(parsePolicy(p.inputs.policy)).some((s) => deniesInsecureTransport(s, ["sns:Publish"])))
      ? undefined
      : "topic policy does not deny sns:Publish without TLS (aws:SecureTransport false)";
  },
};
