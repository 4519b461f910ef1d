import { descendants } from "../helpers/mesh";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** The platform stack keeps the audit trail of every read and write of mesh data. */
export const cloudtrailPlatformTrail: Rule = {
  id: "cloudtrail-platform-trail",
  title: "The platform declares a data-event audit trail",
  severity: "mandatory",
  standards: [
    { framework: "HIPAA", control: "§164.312(b)" },
    { framework: "AWS FSBP", control: "CloudTrail.1" },
  ],
  description: "Without a trail nobody can answer who read which object; the platform stack owns it for every domain of the environment.",
  fix: "Keep the platform's CloudTrail trail (it needs an access-log bucket in the platform's own account and region).",
  resourceTypes: [T.platform],
  check(platform, stack) {
    return descendants(platform, stack).some((r) => r.type === T.trail) ? undefined : "declares no CloudTrail trail";
  },
};
