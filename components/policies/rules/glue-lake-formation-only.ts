import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

const IAM_ALLOWED = "IAM_ALLOWED_PRINCIPALS";

/** Default IAMAllowedPrincipals grants would let plain IAM decide access, bypassing Lake Formation's column grants. */
function problemsOf(field: string, value: unknown): string[] {
  if (value === undefined) return [`does not set ${field}, so new objects get the IAM_ALLOWED_PRINCIPALS default grant`];
  return list(value as { principal?: string }[]).some((p) => p.principal === IAM_ALLOWED) ? [`${field} grants ${IAM_ALLOWED}`] : [];
}

/** Lake Formation is the only gate to catalog data: no implicit IAM_ALLOWED_PRINCIPALS grants on new databases or tables. */
export const glueLakeFormationOnly: Rule = {
  id: "glue-lake-formation-only",
  title: "Glue catalog access goes through Lake Formation only",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Lake Formation permissions model" }],
  description: "With the IAM_ALLOWED_PRINCIPALS default, any role with glue:GetTable and S3 access reads whole tables, and column-level grants mean nothing.",
  fix: "Set createTableDefaultPermissions (and on the platform's DataLakeSettings createDatabaseDefaultPermissions) to an empty list.",
  resourceTypes: [T.glueDatabase, T.lfSettings],
  check(resource) {
    if (resource.type === T.glueDatabase) return problemsOf("createTableDefaultPermissions", resource.inputs.createTableDefaultPermissions);
    return [
      ...problemsOf("createDatabaseDefaultPermissions", resource.inputs.createDatabaseDefaultPermissions),
      ...problemsOf("createTableDefaultPermissions", resource.inputs.createTableDefaultPermissions),
    ];
  },
};
