import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Clients cannot override the workgroup's result location, encryption or scan limit. */
export const athenaEnforceConfiguration: Rule = {
  id: "athena-enforce-configuration",
  title: "Athena workgroups enforce their configuration",
  severity: "mandatory",
  standards: [{ framework: "Checkov", control: "CKV_AWS_82" }],
  description: "If clients may override workgroup settings, a query can write unencrypted results anywhere and skip the scan cut-off.",
  fix: "Keep configuration.enforceWorkgroupConfiguration true (the default).",
  resourceTypes: [T.athenaWorkgroup],
  check(workgroup) {
    return (workgroup.inputs.configuration as Record<string, unknown> | undefined)?.enforceWorkgroupConfiguration === false ? "lets clients override its configuration" : undefined;
  },
};
