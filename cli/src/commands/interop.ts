import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { stringify } from "yaml";
import { CLASSIFICATIONS, type Classification } from "@data-mesh/components/src/config/common";
import { ConfigError } from "@data-mesh/components/src/config/errors";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import { odcsSchemaProblems } from "@data-mesh/components/src/contract/odcs-schema";
import { parseYaml, readConfigFile } from "@data-mesh/components/src/config/validate";
import { buildCatalog } from "../catalog/model";
import { backstageEntities } from "../interop/backstage";
import { fromMeshContract, toMeshContract } from "../interop/odcs";
import { odpsDescriptor } from "../interop/odps";

const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

export interface ImportOdcsOptions {
  root: string;
  file: string;
  domain: string;
  product: string;
  owner?: string;
  classification?: string;
  image?: string;
  schedule: string;
}

/**
 * `mesh import odcs`: a product's contract (adjusted where the platform needs it, every change recorded so export
 * undoes it) and a minimal product.yaml publishing every schema object. The mesh is validated with the new
 * product before anything stays on disk.
 */
export function importOdcs(o: ImportOdcsOptions): string {
  const root = resolve(o.root);
  if (!/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/.test(o.product)) throw new ConfigError("--product", o.product, "must be 2-40 lowercase letters, digits and hyphens, such as order-events");
  if (!existsSync(join(root, "domains", o.domain, "domain.yaml"))) throw new ConfigError("--domain", o.domain, `no domains/${o.domain}/domain.yaml in ${root}; create the domain first`);
  if (o.classification && !(CLASSIFICATIONS as readonly string[]).includes(o.classification)) throw new ConfigError("--classification", o.classification, `must be one of ${CLASSIFICATIONS.join(", ")}`);
  const dir = join(root, "domains", o.domain, "products", o.product);
  const rel = `domains/${o.domain}/products/${o.product}`;
  if (existsSync(dir)) throw new ConfigError(rel, "", "already exists; import into a new product folder (or remove it first)");
  const source = parseYaml(readConfigFile(o.file), o.file);
  const imported = toMeshContract(source, o.file, { domain: o.domain, product: o.product, owner: o.owner, classification: o.classification as Classification | undefined });
  const objects = (imported.doc.schema as { name: string }[] | undefined) ?? [];
  if (objects.length === 0) {
    throw new ConfigError(o.file, "schema", "declares no schema objects: a data product publishes at least one port (a schema object with properties); add one and import again");
  }
  const description = imported.doc.description as { purpose: string };
  const product = {
    description: description.purpose.length >= 10 ? description.purpose : `${description.purpose} (imported ODCS contract)`,
    outputPorts: objects.map((s) => s.name),
    pipeline: { image: o.image ?? `registry.example.com/${o.domain}/${o.product}:0.1.0`, schedule: o.schedule },
  };
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, "contract.odcs.yaml"), stringify(imported.doc, YAML_OPTIONS));
    writeFileSync(join(dir, "product.yaml"), stringify(product, YAML_OPTIONS));
    loadMesh(root);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return [
    `Imported ${o.file} as ${o.domain}/${o.product}: wrote ${rel}/contract.odcs.yaml and ${rel}/product.yaml (ports: ${product.outputPorts.join(", ")}).`,
    ...(imported.adjusted.length > 0 ? ["Adjusted for the platform (recorded in customProperties meshImport; mesh export odcs undoes them):", ...imported.adjusted.map((a) => `  - ${a}`)] : []),
    ...(o.image ? [] : [`  - product.yaml pipeline.image is a placeholder (registry.example.com/${o.domain}/${o.product}:0.1.0): set your pipeline's image (--image)`]),
    ...(imported.notProvisioned.length > 0 ? ["Will not be provisioned:", ...imported.notProvisioned.map((a) => `  - ${a}`)] : ["Everything in the contract can be provisioned."]),
    "Next: review both files, then npm start.",
  ].join("\n");
}

function writeAll(outDir: string, files: { path: string; text: string }[]): void {
  for (const f of files) {
    const file = join(outDir, f.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, f.text);
  }
}

/** `mesh export odcs`: every product's contract as ODCS (import changes undone), checked against the official schema. */
export function exportOdcs(o: { root: string; out: string }): string {
  const mesh = loadMesh(resolve(o.root));
  const files = mesh.domains.flatMap((d) => d.products.map((p) => {
    const file = `${p.dir}/contract.odcs.yaml`;
    const doc = fromMeshContract(parseYaml(readFileSync(join(mesh.root, file), "utf8"), file));
    const problems = odcsSchemaProblems(doc);
    if (problems.length > 0) throw new ConfigError(file, problems[0]!.field, `exported contract: ${problems[0]!.problem}`);
    return { path: `${d.name}/${p.name}.odcs.yaml`, text: stringify(doc, YAML_OPTIONS) };
  }));
  writeAll(o.out, files);
  return `Exported ${files.length} ODCS v3.1.0 contracts to ${resolve(o.out)}`;
}

/** `mesh export odps`: an ODPS v1.0.0 descriptor per product. */
export function exportOdps(o: { root: string; out: string }): string {
  const mesh = loadMesh(resolve(o.root));
  const catalog = buildCatalog(mesh);
  const files = catalog.products.map((p) => ({ path: `${p.domain}/${p.name}.odps.yaml`, text: stringify(odpsDescriptor(mesh, catalog, p), YAML_OPTIONS) }));
  writeAll(o.out, files);
  return `Exported ${files.length} ODPS v1.0.0 product descriptors to ${resolve(o.out)}`;
}

/** `mesh export backstage`: catalog-info.yaml entities, one file per domain plus the shared groups and domains. */
export function exportBackstage(o: { root: string; out: string }): string {
  const mesh = loadMesh(resolve(o.root));
  const catalog = buildCatalog(mesh);
  // Each API's definition is the contract file of its major (contract.odcs.yaml or an older contract.v<N>.odcs.yaml).
  const entities = backstageEntities(mesh, catalog, (file) => readFileSync(join(mesh.root, file), "utf8"));
  const docs = (list: typeof entities) => list.map((e) => stringify(e, YAML_OPTIONS)).join("---\n");
  const shared = entities.filter((e) => !e.metadata.namespace);
  const files = [
    { path: "catalog-info.yaml", text: docs(shared) },
    ...catalog.domains.map((d) => ({ path: `${d.name}/catalog-info.yaml`, text: docs(entities.filter((e) => e.metadata.namespace === d.name)) })),
  ];
  writeAll(o.out, files);
  const count = (kind: string) => entities.filter((e) => e.kind === kind).length;
  return `Exported ${entities.length} Backstage entities to ${resolve(o.out)} (${["Domain", "Group", "System", "Component", "API", "Resource"].map((k) => `${count(k)} ${k}`).join(", ")})`;
}
