import { T } from "../helpers/types";
import type { Rule } from "../types";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** An access point is another door to the bucket's data; it blocks public access like the bucket does. */
export const s3AccessPointBlockPublic: Rule = {
  id: "s3-access-point-block-public",
  title: "S3 access points block public access",
  severity: "mandatory",
  standards: [{ framework: "AWS FSBP", control: "S3.19" }],
  description: "An access point with public access allowed can expose a bucket whose own settings block it; AWS blocks all four by default, so only an explicit false fails.",
  fix: "Leave publicAccessBlockConfiguration at its defaults or set all four settings true.",
  resourceTypes: [T.accessPoint],
  check(accessPoint) {
    const block = (accessPoint.inputs.publicAccessBlockConfiguration ?? {}) as Record<string, unknown>;
    const off = SETTINGS.filter((s) => block[s] === false);
    return off.length > 0 ? `access point turns off ${off.join(", ")}` : undefined;
  },
};
