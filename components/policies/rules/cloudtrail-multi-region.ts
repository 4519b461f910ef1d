import { T } from "../helpers/types";
import type { Rule } from "../types";

/** A multi-region trail also sees calls made in regions nobody watches. */
export const cloudtrailMultiRegion: Rule = {
  id: "cloudtrail-multi-region",
  title: "CloudTrail trails are multi-region",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "CloudTrail.1" },
    { framework: "Checkov", control: "CKV_AWS_67" },
  ],
  description: "A single-region trail misses activity in every other region, where an attacker would copy data to.",
  fix: "Set isMultiRegionTrail true (and includeGlobalServiceEvents true).",
  resourceTypes: [T.trail],
  check(trail) {
    return trail.inputs.isMultiRegionTrail === true ? undefined : "is not multi-region";
  },
};
