import { logsS3ObjectEvents } from "../helpers/cloudtrail";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** The platform trail records object-level writes (PutObject, DeleteObject) of mesh buckets. */
export const cloudtrailS3WriteEvents: Rule = {
  id: "cloudtrail-s3-write-events",
  title: "CloudTrail logs S3 object-level write events",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "S3.22" },
    { framework: "HIPAA", control: "§164.312(b)" },
  ],
  description: "Checked on the platform's trail, not per bucket: its data-event selectors must record object writes (S3.22 asks for every bucket of the account; the trail covers the mesh's bucket prefix).",
  fix: "Keep an advanced event selector with eventCategory Data and resources.type AWS::S3::Object that does not filter readOnly to true.",
  resourceTypes: [T.trail],
  check(trail) {
    return logsS3ObjectEvents(trail, "write") ? undefined : "does not log S3 object-level write events";
  },
};
