import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

/** Roles get policies written for the product, never AWS-managed ones (which are broad and change under you). */
export const iamNoAwsManagedPolicies: Rule = {
  id: "iam-no-aws-managed-policies",
  title: "Roles use no AWS-managed policies",
  severity: "mandatory",
  standards: [
    { framework: "cdk-nag", control: "AwsSolutions-IAM4" },
    { framework: "Checkov", control: "CKV_AWS_274" },
  ],
  description: "AWS-managed policies grant whole services on all resources and AWS can widen them at any time.",
  fix: "Write an inline RolePolicy with the exact actions and ARNs (the blueprint's producer policy).",
  resourceTypes: [T.iamRole, T.iamRolePolicyAttachment],
  check(resource) {
    const arns = resource.type === T.iamRole ? list(resource.inputs.managedPolicyArns as string[] | undefined) : list(resource.inputs.policyArn as string | undefined);
    const managed = arns.filter((a) => AWS_MANAGED.test(a));
    return managed.length > 0 ? `uses AWS-managed ${managed.join(", ")}` : undefined;
  },
};
