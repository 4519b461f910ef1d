import { describeStatement, identityPolicies, IDENTITY_POLICY_TYPES, resourcesOf, statements } from "../helpers/aws";
import type { Rule } from "../types";

/** `*`, or every resource of a service (`arn:aws:s3:::*`). */
function meansEverything(resource: string): boolean {
  return resource === "*" || /^arn:[^:]+:[^:]+:[^:]*:[^:]*:\*$/.test(resource);
}

/** Identity policies name the resources they grant on (DESIGN: no `*` resources in any identity policy). */
export const iamNoWildcardResources: Rule = {
  id: "iam-no-wildcard-resources",
  title: "IAM policies name their resources",
  severity: "mandatory",
  standards: [
    { framework: "cdk-nag", control: "AwsSolutions-IAM5" },
    { framework: "Checkov", control: "CKV_AWS_355" },
  ],
  description: "An Allow on every resource reaches other domains' data, keys and tables; prefixes of the mesh's own naming scheme are fine.",
  fix: "Name the ARNs (or the mesh naming prefix with a trailing wildcard) the statement needs; NotResource in an Allow counts as everything.",
  resourceTypes: IDENTITY_POLICY_TYPES,
  check(resource) {
    return identityPolicies(resource).flatMap(({ label, policy }) => statements(policy).flatMap((s, i) => {
      if (s.Effect !== "Allow") return [];
      if (s.NotResource !== undefined) return [`${label} ${describeStatement(s, i)} allows everything except NotResource`];
      const wild = resourcesOf(s).filter(meansEverything);
      return wild.length > 0 ? [`${label} ${describeStatement(s, i)} grants on ${wild.join(", ")}`] : [];
    }));
  },
};
