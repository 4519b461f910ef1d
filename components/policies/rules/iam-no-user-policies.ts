import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Permissions go to roles; the mesh creates no IAM users and attaches nothing to users. */
export const iamNoUserPolicies: Rule = {
  id: "iam-no-user-policies",
  title: "No IAM policies attached to users",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "IAM.2" },
    { framework: "Checkov", control: "CKV_AWS_40" },
  ],
  description: "Users carry long-lived credentials; a policy on a user outlives the person and escapes role-based review.",
  fix: "Grant through a role the pipeline assumes (IRSA or a service principal), never through a user.",
  resourceTypes: [T.iamUserPolicy, T.iamUserPolicyAttachment, T.iamPolicyAttachment],
  check(resource) {
    if (resource.type === T.iamPolicyAttachment) {
      const users = list(resource.inputs.users as string[] | undefined);
      return users.length > 0 ? `attaches a policy to users ${users.join(", ")}` : undefined;
    }
    return `attaches a policy to user ${String(resource.inputs.user)}`;
  },
};
