import { podSpecOf, WORKLOAD_TYPES } from "../helpers/k8s";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** The volume sources Pod Security `restricted` allows. */
const ALLOWED = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

/** Pods mount only the volume types of Pod Security `restricted`. */
export const k8sRestrictedVolumeTypes: Rule = {
  id: "k8s-restricted-volume-types",
  title: "Pods use only restricted volume types",
  severity: "mandatory",
  standards: [{ framework: "Kubernetes PSS", control: "restricted: Volume Types" }],
  description: "Other volume types (NFS, iSCSI, cloud disks, host paths) reach storage outside the namespace's control; the namespace would reject the pod at admission.",
  fix: "Use configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or persistentVolumeClaim volumes only.",
  resourceTypes: WORKLOAD_TYPES,
  check(workload) {
    return list(podSpecOf(workload)?.volumes as Record<string, unknown>[] | undefined).flatMap((v) => {
      const source = Object.keys(v).filter((k) => k !== "name");
      const bad = source.filter((k) => !ALLOWED.includes(k));
      return bad.length > 0 ? [`volume ${String(v.name)} uses ${bad.join(", ")}`] : [];
    });
  },
};
