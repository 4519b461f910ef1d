import { isRoleArnOf } from "../helpers/aws";
import { producerRoleOf } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

const NEVER = ["ALL", "DROP", "DATA_LOCATION_ACCESS", "CREATE_DATABASE", "CREATE_TABLE", "CREATE_LF_TAG", "ASSOCIATE"];
const CONSUMER = ["SELECT", "DESCRIBE"];

/**
 * Consumers get SELECT on the columns they declared (and DESCRIBE on their resource links); nobody gets ALL, DROP or
 * the right to grant further.
 */
export const lakeformationGrantsLeastPrivilege: Rule = {
  id: "lakeformation-grants-least-privilege",
  title: "Lake Formation grants are column-level reads for consumers",
  severity: "mandatory",
  standards: [
    { framework: "Mesh", control: "Least privilege: column grants" },
    { framework: "HIPAA", control: "§164.502(b)" },
  ],
  description: "A table-wide or grantable permission hands a consumer columns it never declared, and lets it pass access on without the producer's approval.",
  fix: "Grant consumers SELECT through tableWithColumns listing their declared fields, with no permissionsWithGrantOption; only the producer role writes.",
  resourceTypes: [T.lfPermissions],
  check(grant, stack) {
    const problems: string[] = [];
    const permissions = list(grant.inputs.permissions as string[] | undefined);
    const forbidden = permissions.filter((p) => NEVER.includes(p));
    if (forbidden.length > 0) problems.push(`grants ${forbidden.join(", ")}`);
    if (list(grant.inputs.permissionsWithGrantOption).length > 0) problems.push("grants with grant option");
    const product = stack.ancestor(grant, T.dataProduct);
    const producer = product ? producerRoleOf(product, stack) : undefined;
    if (producer && isRoleArnOf(grant.inputs.principal, producer.inputs.name)) return problems;
    const extra = permissions.filter((p) => !CONSUMER.includes(p));
    if (extra.length > 0) problems.push(`grants a consumer ${extra.join(", ")}`);
    // DESCRIBE on a database (a consumer's resource link to another account) shows its tables' names, no rows.
    if (grant.inputs.database !== undefined && permissions.every((p) => p === "DESCRIBE")) return problems;
    const columns = list((grant.inputs.tableWithColumns as Record<string, unknown> | undefined)?.columnNames as string[] | undefined);
    if (columns.length === 0 || columns.includes("*")) problems.push("grants a consumer whole tables instead of its declared columns");
    return problems;
  },
};
