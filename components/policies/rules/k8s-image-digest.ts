import { checkContainers, WORKLOAD_TYPES } from "../helpers/k8s";
import type { Rule } from "../types";

/** Images are referenced by digest, which cannot be re-pointed the way a tag can. */
export const k8sImageDigest: Rule = {
  id: "k8s-image-digest",
  title: "Container images are referenced by digest",
  severity: "advisory",
  standards: [{ framework: "Checkov", control: "CKV_K8S_43" }],
  description: "Advisory: a version tag can be pushed again with different content; most products pin tags today, and an admission controller can resolve them to digests.",
  fix: "Reference pipeline images as registry/name@sha256:<digest>.",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return checkContainers(workload, (c) => (String(c.image ?? "").includes("@sha256:") ? undefined : `image ${c.image} is referenced by tag, not digest`));
  },
};
