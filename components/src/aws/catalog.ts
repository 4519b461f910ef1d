import * as aws from "@pulumi/aws";
import type { BuildContext } from "../blueprint/context";
import type { OutputPortSpec } from "../blueprint/spec";

export function glueDatabase(ctx: BuildContext, description: string): aws.glue.CatalogDatabase {
  return new aws.glue.CatalogDatabase(`${ctx.name}-database`, {
    name: ctx.names.glueDatabase(),
    description,
    // Lake Formation decides access: no implicit IAM_ALLOWED_PRINCIPALS grant on new tables.
    createTableDefaultPermissions: [],
    tags: ctx.tags,
  }, ctx.opts);
}

/** A Glue table per output port and major version, Parquet on the product bucket, typed from the contract. */
export function portTable(ctx: BuildContext, database: aws.glue.CatalogDatabase, bucketName: string, port: OutputPortSpec): aws.glue.CatalogTable {
  const column = (c: { name: string; glueType: string; description: string }) => ({ name: c.name, type: c.glueType, comment: c.description.slice(0, 255) });
  return new aws.glue.CatalogTable(`${ctx.name}-${port.name}-v${port.major}`, {
    name: port.table,
    databaseName: database.name,
    description: port.port.description,
    tableType: "EXTERNAL_TABLE",
    parameters: {
      classification: "parquet",
      "parquet.compression": "SNAPPY",
      EXTERNAL: "TRUE",
      "mesh.port": port.name,
      "mesh.major": String(port.major),
      "mesh.classification": port.port.classification,
    },
    storageDescriptor: {
      location: `s3://${bucketName}/${port.prefix}`,
      inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
      outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
      serDeInfo: { serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", parameters: { "serialization.format": "1" } },
      columns: port.port.columns.map(column),
    },
    partitionKeys: port.port.partitionKeys.map(column),
  }, ctx.opts);
}
