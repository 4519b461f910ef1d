import type { AccessGrant, DomainModel, MeshModel, ProductModel } from "@data-mesh/components/src/config/model";
import type { Finding } from "@data-mesh/components/policies/types";
import type { PortColumn, QualityRule } from "@data-mesh/components/src/contract/load";
import { servedPorts, type ServedPort } from "@data-mesh/components/src/config/model";
import { buildLineage, type LineageGraph } from "@data-mesh/components/src/lineage";
import { Names } from "@data-mesh/components/src/naming/names";
import { usageQueryNames } from "./usage";

/**
 * What the catalog shows, built once from the validated mesh model and (when a plan ran) its summary. The site,
 * `mesh search`, `mesh show` and the exports all read this one model, so they cannot disagree.
 */
export interface CatalogField extends PortColumn {
  logicalType: string;
  physicalType?: string;
  partition: boolean;
}

export interface CatalogPortMajor {
  major: number;
  version: string;
  status: string;
  /** Glue table of this major, `<port>_v<major>`. */
  table: string;
  /** ODCS id and path (relative to the mesh root) of this major's contract file. */
  contractId: string;
  contractFile: string;
  /** ODCS endOfSupport / endOfLife of this major's contract: after them it is not fixed / not served. */
  endOfSupport?: string;
  endOfLife?: string;
  /** Fields of this major (an older major may publish other fields than the current one). */
  fields: CatalogField[];
}

export interface CatalogPort {
  name: string;
  description: string;
  classification: string;
  containsPii: boolean;
  containsPhi: boolean;
  majors: CatalogPortMajor[];
  fields: CatalogField[];
  quality: QualityRule[];
}

export interface CatalogLocation {
  env: string;
  production: boolean;
  account: string;
  region: string;
  bucket: string;
  database: string;
  workgroup: string;
  ports: { port: string; major: number; prefix: string; table: string; query: string }[];
  /** Athena named queries over the access evidence (usage analytics), per environment. */
  usageQueries: { name: string; answers: string }[];
  monthlyCostUsd?: number;
}

export interface CatalogConsumer {
  consumer: string;
  port: string;
  major: number;
  fields: string[];
  purpose: string;
  /** How access was granted, or "pending" when the producer has not approved yet. */
  access: "autoApprove" | "approval" | "pending";
}

export interface CatalogInput {
  from: string;
  product: string;
  port: string;
  major: number;
  fields: string[];
  purpose: string;
}

export interface CatalogProduct {
  /** `domain/product`. */
  id: string;
  domain: string;
  name: string;
  title: string;
  description: string;
  purpose: string;
  usage?: string;
  limitations?: string;
  tags: string[];
  status: string;
  /** Status of every served major (the current one first): a product serving a deprecated major is found under "deprecated". */
  statuses: string[];
  version: string;
  classification: string;
  containsPii: boolean;
  containsPhi: boolean;
  contractId: string;
  /** Path of contract.odcs.yaml relative to the mesh root. */
  contractFile: string;
  team: string;
  owners: string[];
  members: { username: string; name?: string; role?: string }[];
  support: { channel: string; tool?: string; url?: string }[];
  sla: { property: string; value: unknown; unit?: string; element?: string }[];
  ports: CatalogPort[];
  inputs: CatalogInput[];
  consumers: CatalogConsumer[];
  locations: CatalogLocation[];
  access: { autoApprove: string[]; approvals: { consumer: string; approvedBy: string; date: string; ticket?: string }[] };
}

export interface CatalogDomain {
  name: string;
  description: string;
  owner: { team: string; email: string; slack?: string };
  costCenter: string;
  compliance: string[];
  environments: string[];
  products: string[];
  /** Fixed monthly cost per environment (the domain's shared resources and its products), from the plan. */
  monthlyCostUsd: Record<string, number>;
  findings: { stack: string; rule: string; severity: string; resource: string; message: string; waived: boolean }[];
}

export interface Catalog {
  name: string;
  description: string;
  /** True when costs and findings come from a plan of this mesh. */
  planned: boolean;
  domains: CatalogDomain[];
  products: CatalogProduct[];
  /** The mesh's lineage graph, from the shared lineage module (the same graph `mesh lineage` prints). */
  lineage: LineageGraph;
}

/** What the catalog reads from `<out>/plan/summary.json`: cost and findings per stack. */
export interface PlanFacts {
  stacks: { stack: string; domain: string; env: string; cost: { products: Record<string, number>; total: number }; findings: Finding[] }[];
}

function fieldsOf({ contract, port }: ServedPort): CatalogField[] {
  const doc = contract.doc.schema.find((o) => o.name === port)!;
  const byName = new Map(doc.properties.map((p) => [p.name, p]));
  const parsed = contract.ports[port]!;
  return [...parsed.columns.map((c) => ({ c, partition: false })), ...parsed.partitionKeys.map((c) => ({ c, partition: true }))].map(({ c, partition }) => ({
    ...c,
    logicalType: byName.get(c.name)?.logicalType ?? "",
    physicalType: byName.get(c.name)?.physicalType,
    partition,
  }));
}

/** A query that runs as it is in the domain's Athena workgroup: the newest partition first, a few rows. */
export function sampleQuery(database: string, table: string, fields: CatalogField[]): string {
  const partition = fields.find((f) => f.partition);
  const cols = fields.slice(0, 8).map((f) => `"${f.name}"`).join(", ");
  return `SELECT ${cols}\nFROM "${database}"."${table}"\n${partition ? `WHERE "${partition.name}" = (SELECT max("${partition.name}") FROM "${database}"."${table}")\n` : ""}LIMIT 100;`;
}

function consumerOf(g: AccessGrant): CatalogConsumer {
  return { consumer: `${g.consumerDomain}/${g.consumerProduct}`, port: g.port, major: g.major, fields: g.fields, purpose: g.purpose, access: g.approvedVia ?? "pending" };
}

function productEntry(mesh: MeshModel, domain: DomainModel, product: ProductModel, facts?: PlanFacts): CatalogProduct {
  const c = product.contract;
  const doc = c.doc as typeof c.doc & { description: { usage?: string; limitations?: string } };
  // One entry per port, with every major served (current first, then older majors newest first).
  const ports: CatalogPort[] = [];
  for (const s of servedPorts(product)) {
    const fields = fieldsOf(s);
    const major: CatalogPortMajor = {
      major: s.major,
      version: s.contract.version,
      status: s.contract.status,
      table: `${s.port}_v${s.major}`,
      contractId: s.contract.id,
      contractFile: `${product.dir}/${s.contract === c ? "contract.odcs.yaml" : `contract.v${s.major}.odcs.yaml`}`,
      ...(s.contract.sla.endOfSupport ? { endOfSupport: s.contract.sla.endOfSupport } : {}),
      ...(s.contract.sla.endOfLife ? { endOfLife: s.contract.sla.endOfLife } : {}),
      fields,
    };
    const known = ports.find((p) => p.name === s.port);
    if (known) {
      known.majors.push(major);
      continue;
    }
    const p = s.contract.ports[s.port]!;
    ports.push({ name: s.port, description: p.description, classification: p.classification, containsPii: p.containsPii, containsPhi: p.containsPhi, majors: [major], fields, quality: p.quality });
  }
  const locations: CatalogLocation[] = Object.entries(domain.config.environments).map(([env, e]) => {
    const names = new Names({ prefix: mesh.config.prefix, env, domain: domain.name, account: e.account, region: e.region });
    const database = names.glueDatabase();
    const stack = facts?.stacks.find((s) => s.domain === domain.name && s.env === env);
    return {
      env,
      production: mesh.config.environments[env]?.production ?? false,
      account: e.account,
      region: e.region,
      bucket: names.productBucket(product.name),
      database,
      workgroup: names.athenaWorkgroup(),
      ports: ports.flatMap((p) => p.majors.map((m) => {
        const table = names.glueTable(p.name, m.major);
        return { port: p.name, major: m.major, prefix: `${p.name}/v${m.major}/`, table, query: sampleQuery(database, table, m.fields) };
      })),
      usageQueries: usageQueryNames(names, product.name, e.account === mesh.config.environments[env]?.account && e.region === mesh.config.environments[env]?.region),
      monthlyCostUsd: stack?.cost.products[product.name],
    };
  });
  return {
    id: `${domain.name}/${product.name}`,
    domain: domain.name,
    name: product.name,
    title: c.name,
    description: product.config.description,
    purpose: c.doc.description.purpose,
    usage: doc.description.usage,
    limitations: doc.description.limitations,
    tags: [...new Set([...product.config.tags, ...(c.doc.tags ?? [])])],
    status: c.status,
    statuses: [...new Set(ports.flatMap((p) => p.majors.map((m) => m.status)))],
    version: c.version,
    classification: c.classification,
    containsPii: ports.some((p) => p.containsPii),
    containsPhi: ports.some((p) => p.containsPhi),
    contractId: c.id,
    contractFile: `${product.dir}/contract.odcs.yaml`,
    team: c.team,
    owners: c.owners,
    members: c.doc.team.members.map((m) => ({ username: m.username, name: m.name, role: m.role })),
    support: (c.doc.support ?? []).map((s) => ({ channel: s.channel, tool: s.tool, url: s.url })),
    sla: c.doc.slaProperties.map((s) => ({ property: s.property, value: s.value, unit: s.unit, element: s.element })),
    ports,
    inputs: product.config.inputs.map((i) => {
      const [, d, p, port, major] = i.from.match(/^([^/]+)\/([^/]+)\/([^@]+)@(\d+)$/)!;
      return { from: i.from, product: `${d}/${p}`, port: port!, major: Number(major), fields: i.fields, purpose: i.purpose };
    }),
    consumers: product.consumers.map(consumerOf),
    locations,
    access: { autoApprove: product.config.access.autoApprove, approvals: product.config.access.approvals },
  };
}

function domainEntry(domain: DomainModel, facts?: PlanFacts): CatalogDomain {
  const stacks = facts?.stacks.filter((s) => s.domain === domain.name) ?? [];
  return {
    name: domain.name,
    description: domain.config.description,
    owner: domain.config.owner,
    costCenter: domain.config.costCenter,
    compliance: domain.config.compliance,
    environments: Object.keys(domain.config.environments),
    products: domain.products.map((p) => `${domain.name}/${p.name}`),
    monthlyCostUsd: Object.fromEntries(stacks.map((s) => [s.env, s.cost.total])),
    findings: stacks.flatMap((s) => s.findings.map((f) => ({ stack: s.stack, rule: f.rule, severity: f.severity, resource: f.resource, message: f.message, waived: Boolean(f.waived) }))),
  };
}

/** Builds the catalog of a validated mesh; `facts` (from a plan of the same mesh) adds costs and findings. */
export function buildCatalog(mesh: MeshModel, facts?: PlanFacts): Catalog {
  return {
    name: mesh.config.name,
    description: mesh.config.description ?? "",
    planned: facts !== undefined,
    domains: mesh.domains.map((d) => domainEntry(d, facts)),
    products: mesh.domains.flatMap((d) => d.products.map((p) => productEntry(mesh, d, p, facts))),
    lineage: buildLineage(mesh),
  };
}
