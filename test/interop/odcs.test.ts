import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { exportOdcs, importOdcs } from "../../cli/src/commands/interop";
import { fromMeshContract, toMeshContract } from "../../cli/src/interop/odcs";
import { parseContract } from "../../components/src/contract/load";
import { mesh } from "../helpers/cli";
import { contractFiles, copyMesh, REPO } from "../helpers/fixture";

const STANDARD = join(REPO, "test", "fixtures", "standards", "odcs");
const EXAMPLES = readdirSync(join(STANDARD, "examples")).filter((f) => f.endsWith(".yaml")).sort();
/** The official ODCS v3.1.0 schema, compiled here (not through the platform's validator). */
const official = (() => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(STANDARD, "odcs-json-schema-v3.1.0.json"), "utf8")));
})();
const example = (f: string) => parse(readFileSync(join(STANDARD, "examples", f), "utf8")) as Record<string, unknown>;
const target = { domain: "sales", product: "my-quantum", owner: "jdoe" };

describe("ODCS import → export is lossless for the standard's own examples", () => {
  it("has the examples", () => expect(EXAMPLES.length).toBe(8));

  it.each(EXAMPLES)("%s", (file) => {
    const source = example(file);
    const imported = toMeshContract(source, file, target);
    // What the mesh keeps is valid ODCS, and valid for the platform when it has something to publish.
    expect(official(imported.doc), JSON.stringify(official.errors)).toBe(true);
    if ((imported.doc.schema as unknown[]).length > 0) expect(() => parseContract(stringify(imported.doc), file, target)).not.toThrow();
    // Export gives back the document as it came in, compared as data.
    const exported = fromMeshContract(parse(stringify(imported.doc)));
    expect(exported).toEqual(source);
    expect(official(exported), JSON.stringify(official.errors)).toBe(true);
  });
});

describe("mesh import odcs / mesh export odcs", () => {
  const withSchema = EXAMPLES.filter((f) => (example(f).schema as unknown[]).length > 0);

  it("imports every example that publishes something into a mesh, and exports it back unchanged", () => {
    expect(withSchema.length).toBe(5);
    for (const file of withSchema) {
      // One mesh per example: several of them name the same table (my_table), which one domain cannot hold twice.
      const root = copyMesh();
      importOdcs({ root, file: join(STANDARD, "examples", file), domain: "sales", product: "imported", owner: "jdoe", image: "registry.example.com/sales/job:1.0.0", schedule: "0 * * * *" });
      const out = mkdtempSync(join(tmpdir(), "odcs-export-"));
      exportOdcs({ root, out });
      const exported = parse(readFileSync(join(out, "sales", "imported.odcs.yaml"), "utf8"));
      expect(exported, file).toEqual(example(file));
      expect(official(exported)).toBe(true);
    }
  });

  it("through the binary: exit 0, says what it adjusted, and the mesh plans the new product", () => {
    const root = copyMesh();
    const run = mesh(["import", "odcs", join(STANDARD, "examples", "column-completeness.odcs.yaml"), "--root", root, "--domain", "sales", "--product", "air-quality", "--owner", "jdoe"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Imported");
    expect(run.stdout).toContain("schema.0.name: Air_Quality → air_quality");
    expect(run.stdout).toContain("pipeline.image is a placeholder");
    const product = parse(readFileSync(join(root, "domains/sales/products/air-quality/product.yaml"), "utf8")) as { outputPorts: string[] };
    expect(product.outputPorts).toEqual(["air_quality"]);
    expect(mesh(["validate", "--root", root]).status).toBe(0);
  }, 180_000);

  it("a contract the blueprint cannot fully serve imports, and the command says what will not be provisioned", () => {
    const root = copyMesh();
    const doc = example("table-column.odcs.yaml");
    doc.servers = [{ server: "events", type: "kafka", host: "kafka.example.com:9092", format: "avro" }];
    (doc.schema as Record<string, unknown>[])[0]!.quality = [{ type: "custom", engine: "greatExpectations", implementation: "expect_table_row_count_to_be_between" }];
    const file = join(mkdtempSync(join(tmpdir(), "odcs-")), "contract.yaml");
    writeFileSync(file, stringify(doc));
    const text = importOdcs({ root, file, domain: "sales", product: "events", owner: "jdoe", schedule: "0 * * * *" });
    expect(text).toContain("Will not be provisioned:");
    expect(text).toContain("servers[0] events (kafka)");
    expect(text).toContain("engine greatExpectations");
    const out = mkdtempSync(join(tmpdir(), "odcs-export-"));
    exportOdcs({ root, out });
    expect(parse(readFileSync(join(out, "sales", "events.odcs.yaml"), "utf8"))).toEqual(doc);
  });

  it("refuses a contract without schema objects (nothing to publish) with exit 2, and writes nothing", () => {
    const root = copyMesh();
    const run = mesh(["import", "odcs", join(STANDARD, "examples", "basic-four-dpo.odcs.yaml"), "--root", root, "--domain", "sales", "--product", "dpo", "--owner", "jdoe"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: .*basic-four-dpo.odcs.yaml: schema: declares no schema objects/);
    expect(existsSync(join(root, "domains/sales/products/dpo"))).toBe(false);
  }, 120_000);

  it("refuses a contract without an owner unless --owner names one", () => {
    const root = copyMesh();
    expect(() => importOdcs({ root, file: join(STANDARD, "examples", "table-column.odcs.yaml"), domain: "sales", product: "tc", schedule: "0 * * * *" })).toThrow(/team.members: no member has role owner .*pass --owner/);
    expect(existsSync(join(root, "domains/sales/products/tc"))).toBe(false);
  });

  it("exports the mesh's own contracts exactly as written (compared as data)", () => {
    const out = mkdtempSync(join(tmpdir(), "odcs-export-"));
    exportOdcs({ root: REPO, out });
    const sources = contractFiles(".").filter((f) => f.startsWith("domains/"));
    expect(sources.length).toBeGreaterThan(0);
    for (const f of sources) {
      const [, domain, , product] = f.split("/");
      expect(parse(readFileSync(join(out, domain!, `${product}.odcs.yaml`), "utf8")), f).toEqual(parse(readFileSync(join(REPO, f), "utf8")));
    }
  });
});
