import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Query metrics reach CloudWatch, so usage and scanned bytes per domain are observable. */
export const athenaMetricsEnabled: Rule = {
  id: "athena-metrics-enabled",
  title: "Athena workgroups publish CloudWatch metrics",
  severity: "mandatory",
  standards: [{ framework: "AWS FSBP", control: "Athena.4" }],
  description: "Without workgroup metrics nobody sees who queries a domain's data or how much it scans.",
  fix: "Keep configuration.publishCloudwatchMetricsEnabled true (the default).",
  resourceTypes: [T.athenaWorkgroup],
  check(workgroup) {
    return (workgroup.inputs.configuration as Record<string, unknown> | undefined)?.publishCloudwatchMetricsEnabled === false ? "does not publish CloudWatch metrics" : undefined;
  },
};
