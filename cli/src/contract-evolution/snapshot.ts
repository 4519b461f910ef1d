import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import type { MeshModel, ProductModel } from "@data-mesh/components/src/config/model";
import type { ContractModel } from "@data-mesh/components/src/contract/load";
import type { Doc } from "./view";

/**
 * What a later plan needs to know about this one's contracts and grants, written as `<out>/plan/contracts.json`:
 * the ODCS documents as written (keyed by domain, product and major) and every declared read (keyed by port and
 * major). A plan with `--base` compares its contracts and grants with the base's.
 */
export const SNAPSHOT_FILE = "contracts.json";

export interface ContractEntry {
  domain: string;
  product: string;
  major: number;
  version: string;
  file: string;
  doc: Doc;
}

export interface GrantEntry {
  /** Producer domain/product. */
  producer: string;
  port: string;
  major: number;
  /** Consumer domain/product. */
  consumer: string;
  /** The columns granted: declared fields the port publishes. */
  fields: string[];
  /** False while the producer has not approved the request (no access is granted). */
  approved: boolean;
}

export interface ContractSnapshot {
  format: 1;
  contracts: ContractEntry[];
  grants: GrantEntry[];
}

/** The contracts a product serves: one per major it serves side by side. */
export function contractsOf(product: ProductModel): ContractModel[] {
  return [product.contract, ...(product.olderMajors ?? [])];
}

/** Fields a consumer declared it reads, including those the port no longer publishes. */
export function declaredFields(grant: { fields: string[]; missingFields?: string[] }): string[] {
  return [...grant.fields, ...(grant.missingFields ?? [])];
}

export function snapshotOf(mesh: MeshModel): ContractSnapshot {
  const products = mesh.domains.flatMap((d) => d.products);
  return {
    format: 1,
    contracts: products.flatMap((p) => contractsOf(p).map((c) => ({ domain: p.domain, product: p.name, major: c.major, version: c.version, file: c.file, doc: c.doc as Doc }))),
    grants: products.flatMap((p) =>
      p.consumers.map((g) => ({ producer: `${p.domain}/${p.name}`, port: g.port, major: g.major, consumer: `${g.consumerDomain}/${g.consumerProduct}`, fields: g.fields, approved: Boolean(g.approvedVia) })),
    ),
  };
}

export function writeSnapshot(dir: string, mesh: MeshModel): void {
  writeFileSync(join(dir, SNAPSHOT_FILE), JSON.stringify(snapshotOf(mesh)));
}

function subdirs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith(".") && statSync(join(dir, n)).isDirectory()).sort() : [];
}

function yamlFile(file: string): any {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Contract files of a product folder: contract.odcs.yaml and any *.odcs.yaml one folder down (several majors). */
function contractFiles(dir: string): string[] {
  const here = readdirSync(dir).filter((f) => f.endsWith(".odcs.yaml")).map((f) => join(dir, f));
  return [...here, ...subdirs(dir).flatMap((s) => readdirSync(join(dir, s)).filter((f) => f.endsWith(".odcs.yaml")).map((f) => join(dir, s, f)))];
}

/**
 * The snapshot of a mesh root read straight from its files, for a base planned by code that did not write
 * contracts.json. It reads YAML only (no validation by today's rules, which the base may predate); a file that
 * does not parse is left out.
 */
export function snapshotFromRoot(root: string): ContractSnapshot {
  const snapshot: ContractSnapshot = { format: 1, contracts: [], grants: [] };
  const producers = new Map<string, any>();
  const reads: { consumer: string; input: any }[] = [];
  for (const domain of subdirs(join(root, "domains"))) {
    for (const product of subdirs(join(root, "domains", domain, "products"))) {
      const dir = join(root, "domains", domain, "products", product);
      for (const file of contractFiles(dir)) {
        const doc = yamlFile(file);
        if (!doc || typeof doc.version !== "string") continue;
        snapshot.contracts.push({ domain, product, major: Number(doc.version.split(".")[0]), version: doc.version, file: relative(root, file), doc });
      }
      const config = yamlFile(join(dir, "product.yaml"));
      producers.set(`${domain}/${product}`, config);
      for (const input of Array.isArray(config?.inputs) ? config.inputs : []) reads.push({ consumer: `${domain}/${product}`, input });
    }
  }
  for (const { consumer, input } of reads) {
    const m = String(input?.from ?? "").match(/^([^/]+)\/([^/]+)\/([^@]+)@(\d+)$/);
    if (!m) continue;
    const producer = `${m[1]}/${m[2]}`;
    const access = producers.get(producer)?.access ?? {};
    const [consumerDomain] = consumer.split("/");
    const allowed = (c: unknown) => c === consumerDomain || c === consumer;
    const approved = (access.autoApprove ?? []).some(allowed) || (access.approvals ?? []).some((a: { consumer?: unknown }) => allowed(a?.consumer));
    snapshot.grants.push({ producer, port: m[3]!, major: Number(m[4]), consumer, fields: Array.isArray(input.fields) ? input.fields : [], approved });
  }
  return snapshot;
}

/** The base's snapshot: its contracts.json, else its mesh root's files, else nothing (contract changes unchecked). */
export function baseSnapshot(base: { dir: string; root?: string }): ContractSnapshot | undefined {
  const file = join(base.dir, SNAPSHOT_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as ContractSnapshot;
  return base.root ? snapshotFromRoot(base.root) : undefined;
}
