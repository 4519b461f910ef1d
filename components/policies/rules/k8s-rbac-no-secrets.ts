import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

const READ = ["get", "list", "watch", "*"];

/** Pipelines get AWS credentials through IRSA and never read Kubernetes secrets. */
export const k8sRbacNoSecrets: Rule = {
  id: "k8s-rbac-no-secrets",
  title: "RBAC roles do not read secrets",
  severity: "mandatory",
  standards: [{ framework: "CIS Kubernetes", control: "5.1.2" }],
  description: "Read access to secrets exposes every credential of the namespace, including other products' tokens.",
  fix: "Remove get, list and watch on secrets from the Role.",
  resourceTypes: [T.k8sRole, T.k8sClusterRole],
  check(role) {
    return list(role.inputs.rules as Record<string, unknown>[] | undefined).flatMap((rule, i) => {
      const resources = list(rule.resources as string[] | undefined);
      const verbs = list(rule.verbs as string[] | undefined).filter((v) => READ.includes(v));
      return (resources.includes("secrets") || resources.includes("*")) && verbs.length > 0 ? [`rule #${i + 1} allows ${verbs.join(", ")} on secrets`] : [];
    });
  },
};
