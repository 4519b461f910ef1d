import { checkContainers, WORKLOAD_TYPES } from "../helpers/k8s";
import type { Rule } from "../types";

/** Images name an immutable version: a tag other than latest, or a digest. */
export const k8sImageTagPinned: Rule = {
  id: "k8s-image-tag-pinned",
  title: "Container images are pinned to a version",
  severity: "mandatory",
  standards: [{ framework: "Checkov", control: "CKV_K8S_14" }],
  description: "An untagged or :latest image changes under a running product; the plan could not say what code runs.",
  fix: "Use image:tag with a release version or image@sha256:digest (product.yaml pipeline.image).",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return checkContainers(workload, (c) => {
      const image = String(c.image ?? "");
      if (image.includes("@sha256:")) return undefined;
      const tag = image.slice(image.lastIndexOf("/") + 1).split(":")[1];
      return tag && tag !== "latest" ? undefined : `image ${image || "(none)"} is not pinned to a version`;
    });
  },
};
