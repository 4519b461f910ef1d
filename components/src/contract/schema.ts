import { z } from "zod";
import { classification, snakeName } from "../config/common";

/**
 * What the platform itself needs from an ODCS contract, on top of the ODCS JSON Schema (which already rejects
 * unknown keys). Objects are loose here because ODCS owns their full shape; these are the fields we interpret.
 */
const LOGICAL_TYPES = ["string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean"] as const;

export interface ContractProperty {
  name: string;
  logicalType: (typeof LOGICAL_TYPES)[number];
  physicalType?: string;
  description?: string;
  businessName?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  partitioned?: boolean;
  partitionKeyPosition?: number;
  classification?: z.output<typeof classification>;
  tags?: string[];
  quality?: Record<string, unknown>[];
  items?: ContractProperty;
  properties?: ContractProperty[];
}

const propertySchema: z.ZodType<ContractProperty> = z.lazy(() =>
  z.looseObject({
    name: snakeName,
    logicalType: z.enum(LOGICAL_TYPES, "is required: one of string, date, timestamp, time, number, integer, object, array, boolean"),
    physicalType: z.string().optional(),
    description: z.string().optional(),
    businessName: z.string().optional(),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    primaryKey: z.boolean().optional(),
    primaryKeyPosition: z.number().int().optional(),
    partitioned: z.boolean().optional(),
    partitionKeyPosition: z.number().int().optional(),
    classification: classification.optional(),
    tags: z.array(z.string()).optional(),
    quality: z.array(z.record(z.string(), z.unknown())).optional(),
    items: propertySchema.optional(),
    properties: z.array(propertySchema).optional(),
  }),
);

const schemaObject = z.looseObject({
  name: snakeName,
  physicalType: z.enum(["table", "view"], "must be table or view: ports are published as Glue tables").default("table"),
  description: z.string().min(1, "describe what one row means"),
  properties: z.array(propertySchema).min(1, "a published object needs at least one property"),
  quality: z.array(z.record(z.string(), z.unknown())).optional(),
});

const slaProperty = z.looseObject({
  property: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  unit: z.string().optional(),
  element: z.string().optional(),
  driver: z.string().optional(),
});

export const contractSchema = z.looseObject({
  apiVersion: z.literal("v3.1.0", "must be v3.1.0: the platform reads ODCS v3.1 contracts"),
  kind: z.literal("DataContract"),
  id: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "must be a semantic version such as 1.2.0; its major is the port version"),
  status: z.enum(["proposed", "draft", "active", "deprecated", "retired"]),
  name: z.string().min(1),
  domain: z.string().min(1, "must name the owning domain"),
  dataProduct: z.string().min(1, "must name the product folder"),
  description: z.looseObject({ purpose: z.string().min(1), usage: z.string().optional(), limitations: z.string().optional() }),
  team: z.looseObject({
    name: z.string().min(1),
    members: z.array(z.looseObject({ username: z.string(), role: z.string().optional(), name: z.string().optional() })).min(1, "name at least one team member, with role owner"),
  }, "must be an ODCS v3.1 team object with name and members"),
  support: z.array(z.looseObject({ channel: z.string(), url: z.string().optional(), tool: z.string().optional() })).optional(),
  schema: z.array(schemaObject).min(1, "declare at least one schema object"),
  slaProperties: z.array(slaProperty).min(1, "declare at least latency (freshness) and retention"),
  customProperties: z.array(z.looseObject({ property: z.string(), value: z.unknown() })).min(1, "declare the customProperty classification"),
  tags: z.array(z.string()).optional(),
});

export type ContractDoc = z.output<typeof contractSchema>;
export type ContractSchemaObject = z.output<typeof schemaObject>;
