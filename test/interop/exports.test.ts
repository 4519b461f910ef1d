import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  EntityPolicies,
  type Entity,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  apiEntityV1alpha1Validator,
} from "@backstage/catalog-model";
import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { servedPorts } from "../../components/src/config/model";
import { exportBackstage, exportOdps } from "../../cli/src/commands/interop";
import { REPO } from "../helpers/fixture";
import { EXAMPLE_MESHES } from "../upgrade/meshes";

/** The official ODPS v1.0.0 schema (test/fixtures/standards: an unchanged copy of the standard's file). */
const odps = (() => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(REPO, "test", "fixtures", "standards", "odps", "odps-json-schema-v1.0.0.json"), "utf8")));
})();

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f)).sort();
}

describe.each(EXAMPLE_MESHES)("exports of the $name mesh", ({ root }) => {
  const meshRoot = join(REPO, root);
  const mesh = loadMesh(meshRoot);
  const products = mesh.domains.flatMap((d) => d.products);

  it("ODPS: one descriptor per product, valid against the official v1.0.0 schema, ports carrying contract ids", () => {
    const out = mkdtempSync(join(tmpdir(), "odps-"));
    exportOdps({ root: meshRoot, out });
    const written = files(out, ".odps.yaml");
    expect(written.length).toBe(products.length);
    for (const file of written) {
      const doc = parse(readFileSync(file, "utf8")) as Record<string, any>;
      expect(odps(doc), `${file}: ${JSON.stringify(odps.errors)}`).toBe(true);
      const [domain, name] = file.slice(out.length + 1).replace(/\.odps\.yaml$/, "").split("/");
      const product = mesh.domains.find((d) => d.name === domain)!.products.find((p) => p.name === name)!;
      expect(doc.outputPorts.map((p: { name: string; contractId: string }) => [p.name, p.contractId])).toEqual(servedPorts(product).map((s) => [s.port, s.contract.id]));
      // Each input port names the contract of the product it reads, as the consumer declared it.
      expect((doc.inputPorts ?? []).map((p: { contractId: string }) => p.contractId)).toEqual(product.config.inputs.map((i) => {
        const [d, p] = i.from.split("/");
        return mesh.domains.find((x) => x.name === d)!.products.find((x) => x.name === p)!.contract.id;
      }));
      expect(doc.managementPorts.map((p: { content: string }) => p.content)).toEqual(expect.arrayContaining(["discoverability", "observability"]));
    }
  });

  it("Backstage: every entity passes @backstage/catalog-model's validators and every relation points at an exported entity", async () => {
    const out = mkdtempSync(join(tmpdir(), "backstage-"));
    exportBackstage({ root: meshRoot, out });
    const entities = files(out, "catalog-info.yaml").flatMap((f) => parseAllDocuments(readFileSync(f, "utf8")).map((d) => d.toJS() as Entity));
    const policy = EntityPolicies.allOf([new DefaultNamespaceEntityPolicy(), new NoForeignRootFieldsEntityPolicy(), new FieldFormatEntityPolicy(), new SchemaValidEntityPolicy()]);
    const validators = [domainEntityV1alpha1Validator, groupEntityV1alpha1Validator, systemEntityV1alpha1Validator, componentEntityV1alpha1Validator, apiEntityV1alpha1Validator, resourceEntityV1alpha1Validator];
    expect(entities.length).toBeGreaterThan(0);
    const refs = new Set<string>();
    for (const raw of entities) {
      const entity = (await policy.enforce(raw))!;
      const results = await Promise.all(validators.map((v) => v.check(entity)));
      expect(results.filter(Boolean).length, `${entity.kind} ${entity.metadata.name}`).toBe(1);
      refs.add(stringifyEntityRef(entity));
    }
    const count = (kind: string) => entities.filter((e) => e.kind === kind).length;
    expect(count("Domain")).toBe(mesh.domains.length);
    expect(count("System")).toBe(products.length);
    // An API and a table per port and major served (older majors kept beside the current one included).
    expect(count("API")).toBe(products.reduce((n, p) => n + servedPorts(p).length, 0));
    expect(count("Resource")).toBe(products.length + products.reduce((n, p) => n + servedPorts(p).length, 0));
    expect(count("Group")).toBe(new Set([...mesh.domains.map((d) => d.config.owner.team), ...products.map((p) => p.contract.team)]).size);
    const related: string[] = [];
    for (const e of entities) {
      const spec = e.spec as Record<string, unknown>;
      for (const key of ["owner", "domain", "system"]) if (typeof spec[key] === "string") related.push(spec[key] as string);
      for (const key of ["dependsOn", "consumesApis", "providesApis"]) related.push(...((spec[key] as string[] | undefined) ?? []));
    }
    expect(related.length).toBeGreaterThan(entities.length);
    for (const ref of related) expect(refs.has(stringifyEntityRef(parseEntityRef(ref))), ref).toBe(true);
    // consumesApis follows the declared inputs: one API reference per input.
    const consumed = entities.filter((e) => e.kind === "Component").reduce((n, e) => n + (((e.spec as { consumesApis?: string[] }).consumesApis) ?? []).length, 0);
    expect(consumed).toBe(products.reduce((n, p) => n + p.config.inputs.length, 0));
  });
});
