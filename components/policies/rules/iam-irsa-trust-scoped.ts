import { describeStatement, parsePolicy, principalsOfKind, statements } from "../helpers/aws";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** The OIDC issuer of a federated principal (`arn:aws:iam::<account>:oidc-provider/<issuer>`); its condition keys start with it. */
function issuerOf(federated: string): string | undefined {
  return federated.split(":oidc-provider/")[1];
}

/** The value of a condition key under StringEquals: StringLike would let a wildcard through. */
function stringEquals(condition: Record<string, Record<string, unknown>> | undefined, key: string): unknown {
  const entries = Object.entries(condition ?? {}).find(([op]) => op === "StringEquals")?.[1];
  return entries?.[key];
}

/** A role trusted through IRSA can be assumed by exactly one service account, with the STS audience. */
export const iamIrsaTrustScoped: Rule = {
  id: "iam-irsa-trust-scoped",
  title: "IRSA trust policies pin the service account and audience",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "IRSA trust: sub and aud" }],
  description: "Without an exact sub condition any pod of the cluster can assume the role; without aud, tokens minted for other audiences work too.",
  fix: "Condition the trust with StringEquals on <issuer>:sub = system:serviceaccount:<namespace>:<name> and <issuer>:aud = sts.amazonaws.com.",
  resourceTypes: [T.iamRole],
  check(role) {
    return statements(parsePolicy(role.inputs.assumeRolePolicy)).flatMap((s, i) => {
      const issuers = principalsOfKind(s, "Federated").map(issuerOf).filter((x): x is string => x !== undefined);
      if (s.Effect !== "Allow" || issuers.length === 0) return [];
      return issuers.flatMap((issuer) => {
        const problems: string[] = [];
        const sub = stringEquals(s.Condition, `${issuer}:sub`);
        const aud = stringEquals(s.Condition, `${issuer}:aud`);
        if (typeof sub !== "string" || !/^system:serviceaccount:[a-z0-9.-]+:[a-z0-9.-]+$/.test(sub)) problems.push(`${describeStatement(s, i)} does not pin ${issuer}:sub to one service account with StringEquals`);
        if (aud !== "sts.amazonaws.com") problems.push(`${describeStatement(s, i)} does not pin ${issuer}:aud to sts.amazonaws.com`);
        return problems;
      });
    });
  },
};
