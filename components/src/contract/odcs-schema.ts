import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";
import odcsSchema from "../../schemas/odcs-json-schema-v3.1.0.json";

let compiled: ValidateFunction | undefined;

/**
 * The official ODCS v3.1.0 JSON Schema, compiled once per process. ajv's optimisation pass over the generated
 * code halves the compile time (~230 → ~120 ms of CPU) and brought no measurable validation speed on 1,000
 * contracts (docs/performance.md); the checks and errors are the same with or without it.
 */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2019({ allErrors: true, strict: false, code: { optimize: false } });
    addFormats(ajv);
    compiled = ajv.compile(odcsSchema);
  }
  return compiled;
}

export interface SchemaProblem {
  field: string;
  problem: string;
  /** Where the problem's object is, as keys and indexes (for "did you mean"). */
  parent: (string | number)[];
  /** The key ODCS does not know, or the required key that is missing. */
  unknownKey?: string;
  missingKey?: string;
}

function pointerToParts(pointer: string): (string | number)[] {
  return pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Turns `/schema/0/properties/2/logicalType` into `schema[0].properties[2].logicalType`. */
function pointerToPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "");
}

function describe(e: ErrorObject): SchemaProblem {
  const base = pointerToPath(e.instancePath);
  switch (e.keyword) {
    case "unevaluatedProperties":
    case "additionalProperties": {
      const key = (e.params as { unevaluatedProperty?: string; additionalProperty?: string }).unevaluatedProperty ??
        (e.params as { additionalProperty?: string }).additionalProperty;
      return { field: base ? `${base}.${key}` : String(key), problem: `unknown key "${key}" (not part of ODCS v3.1.0)`, parent: pointerToParts(e.instancePath), unknownKey: String(key) };
    }
    case "enum":
      return { field: base, problem: `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`, parent: pointerToParts(e.instancePath) };
    case "required": {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { field: base ? `${base}.${missing}` : missing, problem: "is required by ODCS v3.1.0", parent: pointerToParts(e.instancePath), missingKey: missing };
    }
    default:
      return { field: base, problem: `${e.message ?? "is invalid"} (ODCS v3.1.0)`, parent: pointerToParts(e.instancePath) };
  }
}

/**
 * Checks a parsed contract against the ODCS v3.1.0 JSON Schema. Returns the most specific problems first:
 * ajv reports every failed branch of an `if/then`, and the leaf errors are the ones that say what to fix.
 */
export function odcsSchemaProblems(doc: unknown): SchemaProblem[] {
  const validate = validator();
  if (validate(doc)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== "if" && e.keyword !== "allOf" && e.keyword !== "oneOf" && e.keyword !== "anyOf");
  const problems = (errors.length > 0 ? errors : validate.errors ?? []).map(describe);
  problems.sort((a, b) => b.field.length - a.field.length);
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
