import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Every table carries the classification and sensitivity LF-tags that tag-based grants and audits rely on. */
export const glueTableLfTags: Rule = {
  id: "glue-table-lf-tags",
  title: "Glue tables carry classification and sensitivity LF-tags",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Classification on every port" }],
  description: "An untagged table escapes tag-based access policies and cannot be found by a PII/PHI audit.",
  fix: "Attach ResourceLfTags with classification (the table's mesh.classification) and sensitivity (none, pii or phi).",
  resourceTypes: [T.glueTable],
  check(table, stack) {
    const tags = stack.dependents(table, T.lfResourceTags).flatMap((r) => list(r.inputs.lfTags as { key: string; value: string }[] | undefined));
    const value = (key: string) => tags.find((t) => t.key === key)?.value;
    const problems: string[] = [];
    const classification = value("classification");
    const declared = (table.inputs.parameters as Record<string, string> | undefined)?.["mesh.classification"];
    if (!classification) problems.push("has no classification LF-tag");
    else if (declared && declared !== classification) problems.push(`classification LF-tag ${classification} differs from the contract's ${declared}`);
    if (!["none", "pii", "phi"].includes(String(value("sensitivity")))) problems.push("has no sensitivity LF-tag (none, pii or phi)");
    return problems;
  },
};
