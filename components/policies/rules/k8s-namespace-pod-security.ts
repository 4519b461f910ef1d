import { T } from "../helpers/types";
import type { Rule } from "../types";

/** The namespace enforces Pod Security `restricted` at admission, so even hand-made pods follow it. */
export const k8sNamespacePodSecurity: Rule = {
  id: "k8s-namespace-pod-security",
  title: "Namespaces enforce Pod Security restricted",
  severity: "mandatory",
  standards: [
    { framework: "Kubernetes PSS", control: "restricted (enforce)" },
    { framework: "CIS Kubernetes", control: "5.2.1" },
  ],
  description: "Rules on declared workloads do not cover pods created by hand or by other tools; the admission label does.",
  fix: "Label the namespace pod-security.kubernetes.io/enforce: restricted (and audit, warn).",
  resourceTypes: [T.k8sNamespace],
  check(namespace) {
    const labels = (namespace.inputs.metadata as Record<string, any> | undefined)?.labels ?? {};
    const level = labels["pod-security.kubernetes.io/enforce"];
    return level === "restricted" ? undefined : `enforces Pod Security ${level ?? "nothing"}, not restricted`;
  },
};
