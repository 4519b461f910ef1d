import { domainOf } from "../helpers/mesh";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Every role a domain declares, its own custom roles included, carries the domain's permissions boundary. */
export const iamPermissionsBoundary: Rule = {
  id: "iam-permissions-boundary",
  title: "Domain roles have the domain's permissions boundary",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Permissions boundary" }],
  description: "The boundary caps every role of a domain to its own data, keys and tables, whatever a role's policy says.",
  fix: "Set permissionsBoundary to the domain's boundary policy (Domain's boundary output; the producer role does).",
  resourceTypes: [T.iamRole],
  check(role, stack) {
    const domain = domainOf(role, stack);
    if (!domain) return undefined;
    const boundary = role.inputs.permissionsBoundary;
    if (typeof boundary !== "string" || !boundary.includes(":policy/")) return "has no permissions boundary";
    const boundaries = stack.children(domain, T.iamPolicy).map((p) => String(p.inputs.name));
    return boundaries.some((name) => boundary.endsWith(`:policy/${name}`)) ? undefined : `boundary ${boundary} is not the domain's (${boundaries.join(", ") || "none declared"})`;
  },
};
