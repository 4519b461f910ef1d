import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { isConfigError } from "../../components/src/config/errors";
import { parseContract } from "../../components/src/contract/load";
import { fromMeshContract, toMeshContract } from "../../cli/src/interop/odcs";
import { checkProperty, runs } from "./support/fuzz";

// ODCS documents generated from the official v3.1.0 JSON Schema (its enums: API versions, logical types, server
// types, quality dimensions; servers shaped to what the schema requires of each type), kept when the schema
// accepts them: `mesh import odcs` either refuses one with a ConfigError or makes a contract that is valid ODCS
// and valid for the platform, and `mesh export odcs` gives back the generated document, compared as data.

const SCHEMA = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "standards", "odcs", "odcs-json-schema-v3.1.0.json"), "utf8"));
const ajv = new Ajv2019({ allErrors: false, strict: false });
addFormats(ajv);
const official = ajv.compile(SCHEMA);

const defs = SCHEMA.$defs;
const API_VERSIONS: string[] = SCHEMA.properties.apiVersion.enum.filter((v: string) => v.startsWith("v3."));
const LOGICAL: string[] = defs.SchemaBaseProperty.properties.logicalType.enum;
const DIMENSIONS: string[] = defs.DataQuality.properties.dimension.enum;

/** For each server type of the schema, a server with the fields the schema requires of that type (filled in from its errors). */
const SERVER_FIELDS: Record<string, unknown> = { host: "data.example.com", port: 443, location: "s3://bucket/prefix/", database: "db", schema: "public", project: "p", dataset: "d", account: "acct", catalog: "c", format: "parquet", path: "/data", stagingDir: "s3://bucket/staging/", serviceName: "svc" };
const explain = (() => {
  const all = new Ajv2019({ allErrors: true, strict: false });
  addFormats(all);
  return all.compile(SCHEMA);
})();
const SERVERS: Record<string, unknown>[] = (defs.Server.properties.type.enum as string[]).flatMap((type) => {
  const server: Record<string, unknown> = { server: `${type}-server`, type };
  for (let attempt = 0; attempt < 4; attempt++) {
    if (explain({ apiVersion: "v3.1.0", kind: "DataContract", id: "x", version: "1.0.0", status: "active", servers: [server] })) return [server];
    const missing = (explain.errors ?? []).filter((e) => e.keyword === "required").map((e) => (e.params as { missingProperty: string }).missingProperty);
    if (missing.length === 0 || missing.some((m) => !(m in SERVER_FIELDS))) return [];
    for (const m of missing) server[m] = SERVER_FIELDS[m];
  }
  return [];
});

const PHYSICAL: Record<string, (string | undefined)[]> = {
  string: [undefined, "varchar(20)", "string", "text"],
  date: [undefined, "date"],
  timestamp: [undefined, "timestamp"],
  time: [undefined, "time"],
  number: [undefined, "double", "decimal(10,2)", "int"],
  integer: [undefined, "int", "bigint"],
  boolean: [undefined, "boolean"],
};

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _]{0,14}$/);
const text = fc.string({ minLength: 1, maxLength: 30 });
const quality = fc.oneof(
  fc.record({ type: fc.constant("library"), metric: fc.constantFrom("nullValues", "rowCount", "duplicateValues"), mustBe: fc.nat(5), dimension: fc.constantFrom(...DIMENSIONS) }, { requiredKeys: ["metric", "mustBe"] }),
  fc.record({ type: fc.constant("sql"), query: fc.constant("SELECT count(*) FROM ${object}"), mustBeGreaterThan: fc.nat(100) }),
  fc.record({ type: fc.constant("custom"), engine: fc.constantFrom("greatExpectations", "soda", "montecarlo"), implementation: text }),
  fc.record({ type: fc.constant("text"), description: text }),
);

const scalar = fc.constantFrom(...LOGICAL.filter((l) => l !== "object" && l !== "array")).chain((logicalType) =>
  fc.record({
    name,
    logicalType: fc.constant(logicalType),
    physicalType: fc.constantFrom(...PHYSICAL[logicalType]!),
    description: fc.option(text, { nil: undefined }),
    primaryKey: fc.option(fc.boolean(), { nil: undefined }),
    required: fc.option(fc.boolean(), { nil: undefined }),
    classification: fc.option(fc.constantFrom("public", "internal", "confidential", "restricted", "secret", "sensitive"), { nil: undefined }),
    tags: fc.option(fc.subarray(["pii", "phi", "gdpr", "finance"], { minLength: 1 }), { nil: undefined }),
    quality: fc.option(fc.array(quality, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  }),
);
const property: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ p: Record<string, unknown> }>((tie) => ({
  p: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.record({ name, logicalType: fc.constant("object"), properties: fc.uniqueArray(tie("p"), { minLength: 1, maxLength: 3, selector: (x) => String(x.name).toLowerCase() }) }),
    fc.record({ name, logicalType: fc.constant("array"), items: scalar.map(({ name: _n, ...rest }) => rest) }),
  ),
})).p.map((p) => JSON.parse(JSON.stringify(p)) as Record<string, unknown>);

const schemaObject = fc.record({
  name,
  physicalType: fc.option(fc.constantFrom("table", "view", "topic", "file"), { nil: undefined }),
  description: fc.option(text, { nil: undefined }),
  properties: fc.uniqueArray(property, { minLength: 1, maxLength: 5, selector: (x) => String(x.name).toLowerCase() }),
  quality: fc.option(fc.array(quality, { maxLength: 2 }), { nil: undefined }),
});

const member = fc.record({ username: fc.constantFrom("ana", "bo", "jdoe", "kim"), role: fc.option(fc.constantFrom("owner", "data steward", "dpo"), { nil: undefined }), name: fc.option(text, { nil: undefined }) });
const sla = fc.record({ property: fc.constantFrom("latency", "retention", "frequency", "generalAvailability"), value: fc.integer({ min: 1, max: 30 }), unit: fc.constantFrom("d", "h", "y", "min") });

const contract = fc.record({
  apiVersion: fc.constantFrom(...API_VERSIONS),
  kind: fc.constant("DataContract"),
  id: fc.uuid(),
  version: fc.constantFrom("1.0.0", "2.3.1", "0.1.0"),
  status: fc.constantFrom("proposed", "draft", "active", "deprecated", "retired"),
  name: fc.option(name, { nil: undefined }),
  domain: fc.option(fc.constantFrom("finance", "sales"), { nil: undefined }),
  dataProduct: fc.option(fc.constantFrom("ledger", "imported"), { nil: undefined }),
  tenant: fc.option(text, { nil: undefined }),
  tags: fc.option(fc.array(fc.constantFrom("a", "b", "nyc"), { maxLength: 3 }), { nil: undefined }),
  description: fc.option(fc.record({ purpose: fc.option(text, { nil: undefined }), usage: fc.option(text, { nil: undefined }), limitations: fc.option(text, { nil: undefined }) }), { nil: undefined }),
  team: fc.option(fc.oneof(fc.record({ name: fc.option(text, { nil: undefined }), members: fc.array(member, { maxLength: 3 }) }), fc.array(member, { maxLength: 3 })), { nil: undefined }),
  schema: fc.uniqueArray(schemaObject, { maxLength: 3, selector: (x) => String(x.name).toLowerCase() }),
  slaProperties: fc.option(fc.array(sla, { maxLength: 4 }), { nil: undefined }),
  customProperties: fc.option(fc.array(fc.oneof(fc.record({ property: fc.constant("classification"), value: fc.constantFrom("internal", "restricted", "top-secret") }), fc.record({ property: fc.constantFrom("owner-note", "costCentre"), value: text })), { maxLength: 2 }), { nil: undefined }),
  servers: fc.option(fc.subarray(SERVERS, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  roles: fc.option(fc.array(fc.record({ role: fc.constantFrom("analyst", "auditor"), access: fc.constantFrom("read", "write") }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
}).map((doc) => JSON.parse(JSON.stringify(doc)) as Record<string, unknown>);

describe("ODCS import → export round trip", () => {
  it("has server shapes for most types of the schema", () => {
    // Every type but "custom" (which requires nothing more) is exercised.
    expect(SERVERS.length).toBeGreaterThanOrEqual((defs.Server.properties.type.enum as string[]).length - 1);
  });

  it("import refuses with a ConfigError or makes a valid contract; export gives back the document", async () => {
    const outcomes = { imported: 0, refused: 0, invalidSource: 0 };
    await checkProperty(
      "odcs-roundtrip",
      fc.property(contract, (source) => {
        if (!official(source)) {
          outcomes.invalidSource++;
          return;
        }
        const target = { domain: "sales", product: "imported", owner: "jdoe" };
        let imported: ReturnType<typeof toMeshContract>;
        try {
          imported = toMeshContract(source, "contract.yaml", target);
        } catch (e) {
          if (!isConfigError(e)) throw e;
          outcomes.refused++;
          return;
        }
        outcomes.imported++;
        expect(official(imported.doc)).toBe(true);
        if ((imported.doc.schema as unknown[]).length > 0) parseContract(stringify(imported.doc), "contract.yaml", target);
        // Through YAML, as the files are kept and exported.
        expect(fromMeshContract(parse(stringify(imported.doc)))).toEqual(parse(stringify(source)));
      }),
      runs(600),
    );
    console.log(`odcs-roundtrip: ${JSON.stringify(outcomes)}`);
    expect(outcomes.imported).toBeGreaterThan(outcomes.refused);
  }, 600_000);
});
