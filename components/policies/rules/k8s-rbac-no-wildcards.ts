import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Roles list API groups, resources and verbs by name. */
export const k8sRbacNoWildcards: Rule = {
  id: "k8s-rbac-no-wildcards",
  title: "RBAC roles use no wildcards",
  severity: "mandatory",
  standards: [
    { framework: "CIS Kubernetes", control: "5.1.3" },
    { framework: "Checkov", control: "CKV_K8S_49" },
  ],
  description: "A wildcard grants every resource type and verb, including ones added to the cluster later.",
  fix: "List the apiGroups, resources and verbs the pipelines need (the blueprint's pipeline Role does).",
  resourceTypes: [T.k8sRole, T.k8sClusterRole],
  check(role) {
    return list(role.inputs.rules as Record<string, unknown>[] | undefined).flatMap((rule, i) =>
      ["apiGroups", "resources", "verbs", "nonResourceURLs"].filter((f) => list(rule[f] as string[] | undefined).includes("*")).map((f) => `rule #${i + 1} has * in ${f}`));
  },
};
