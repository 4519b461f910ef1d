import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { contractFiles, REPO } from "../helpers/fixture";

const SHARED_SCHEMA = join(REPO, "..", "shared", "odcs", "odcs-json-schema-v3.1.0.json");
const contracts = [".", "examples/investment-bank", "examples/healthcare", "test/fixtures/mini"].flatMap(contractFiles);

describe("every contract of the example meshes is a valid ODCS v3.1.0 document", () => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SHARED_SCHEMA, "utf8")));

  it("finds the contracts of all three meshes", () => {
    expect(contracts.filter((c) => c.startsWith("domains/")).length).toBeGreaterThanOrEqual(6);
    expect(contracts.filter((c) => c.startsWith("examples/investment-bank/")).length).toBeGreaterThanOrEqual(4);
    expect(contracts.filter((c) => c.startsWith("examples/healthcare/")).length).toBeGreaterThanOrEqual(5);
  });

  it.each(contracts)("%s", (file) => {
    const doc = parse(readFileSync(join(REPO, file), "utf8"));
    const ok = validate(doc);
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
    expect(doc.apiVersion).toBe("v3.1.0");
  });

  it("the vendored schema is the shared one, unchanged", () => {
    const vendored = readFileSync(join(REPO, "components", "schemas", "odcs-json-schema-v3.1.0.json"), "utf8");
    expect(vendored).toBe(readFileSync(SHARED_SCHEMA, "utf8"));
  });
});
