import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Every query is cancelled past the domain's scanned-bytes budget. */
export const athenaScanCutoff: Rule = {
  id: "athena-scan-cutoff",
  title: "Athena workgroups cut off large scans",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Cost: query scan cut-off" }],
  description: "Athena bills per byte scanned; one unpartitioned query over a large product can cost more than the product's month.",
  fix: "Set configuration.bytesScannedCutoffPerQuery (domain.yaml athenaBytesScannedCutoffGb, default 10 GB).",
  resourceTypes: [T.athenaWorkgroup],
  check(workgroup) {
    const cutoff = (workgroup.inputs.configuration as Record<string, unknown> | undefined)?.bytesScannedCutoffPerQuery;
    return Number(cutoff) > 0 ? undefined : "has no bytes-scanned cut-off per query";
  },
};
