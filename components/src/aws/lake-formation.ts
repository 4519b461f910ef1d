import * as aws from "@pulumi/aws";
import type { BuildContext } from "../blueprint/context";
import type { ConsumerGrant, OutputPortSpec } from "../blueprint/spec";

/** The LF-tag keys the platform stack defines; tables get their values from the contract. */
export const LF_TAGS = {
  classification: { key: "classification", values: ["public", "internal", "confidential", "restricted"] },
  sensitivity: { key: "sensitivity", values: ["none", "pii", "phi"] },
} as const;

/** Attaches the LF-tags of a port (classification and sensitivity) to its table. */
export function tagTable(ctx: BuildContext, table: aws.glue.CatalogTable, port: OutputPortSpec): aws.lakeformation.ResourceLfTags {
  const sensitivity = port.port.containsPhi ? "phi" : port.port.containsPii ? "pii" : "none";
  return new aws.lakeformation.ResourceLfTags(`${ctx.name}-${port.name}-v${port.major}-lf-tags`, {
    table: { databaseName: table.databaseName, name: table.name },
    lfTags: [
      { key: LF_TAGS.classification.key, value: port.port.classification },
      { key: LF_TAGS.sensitivity.key, value: sensitivity },
    ],
  }, ctx.opts);
}

/** The producer role may describe the database and write its own tables (and nothing else). */
export function producerGrants(ctx: BuildContext, roleArn: string, database: aws.glue.CatalogDatabase, tables: { port: OutputPortSpec; table: aws.glue.CatalogTable }[]): void {
  new aws.lakeformation.Permissions(`${ctx.name}-producer-database`, {
    principal: roleArn,
    permissions: ["DESCRIBE"],
    database: { name: database.name },
  }, ctx.opts);
  for (const { port, table } of tables) {
    new aws.lakeformation.Permissions(`${ctx.name}-${port.name}-v${port.major}-producer`, {
      principal: roleArn,
      permissions: ["SELECT", "INSERT", "DESCRIBE", "ALTER"],
      table: { databaseName: table.databaseName, name: table.name },
    }, ctx.opts);
  }
}

/** Column-level SELECT for a consumer: only the fields it declared in its `inputs`. */
export function consumerGrant(ctx: BuildContext, grant: ConsumerGrant, table: aws.glue.CatalogTable): aws.lakeformation.Permissions {
  const id = grant.consumer.replace("/", "--");
  return new aws.lakeformation.Permissions(`${ctx.name}-read-${grant.port}-${id}`, {
    principal: grant.roleArn,
    permissions: ["SELECT"],
    tableWithColumns: { databaseName: table.databaseName, name: table.name, columnNames: grant.fields },
  }, ctx.opts);
}
