import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { pick, seededRandom } from "./random";

export interface GenerateOptions {
  domains: number;
  products: number;
  out: string;
  seed?: number;
}

const DOMAIN_WORDS = ["orders", "payments", "inventory", "shipping", "pricing", "customers", "marketing", "returns", "loyalty", "suppliers", "finance", "support", "search", "catalog", "fraud", "billing", "ledger", "stores", "logistics", "partners"];
const ENTITY_WORDS = ["events", "snapshots", "daily", "ledger", "summary", "facts", "features", "metrics", "lines", "status"];

/** Column templates: name, logical/physical type, classification and sensitivity tag. */
const COLUMNS = [
  { name: "customer_id", logicalType: "string", physicalType: "varchar(36)", classification: "internal" },
  { name: "email", logicalType: "string", physicalType: "varchar(320)", classification: "confidential", tags: ["pii"] },
  { name: "amount", logicalType: "number", physicalType: "decimal(12,2)", classification: "internal" },
  { name: "currency", logicalType: "string", physicalType: "char(3)", classification: "public" },
  { name: "quantity", logicalType: "integer", physicalType: "int", classification: "internal" },
  { name: "status", logicalType: "string", physicalType: "varchar(16)", classification: "internal" },
  { name: "country_code", logicalType: "string", physicalType: "char(2)", classification: "public" },
  { name: "is_active", logicalType: "boolean", classification: "internal" },
  { name: "score", logicalType: "number", physicalType: "double", classification: "internal" },
  { name: "updated_at", logicalType: "timestamp", classification: "internal" },
] as const;

interface ProductPlan {
  domain: string;
  name: string;
  port: string;
  columns: string[];
  classification: "internal" | "confidential";
}

function domainName(i: number): string {
  const word = DOMAIN_WORDS[i % DOMAIN_WORDS.length]!;
  return i < DOMAIN_WORDS.length ? word : `${word}-${Math.floor(i / DOMAIN_WORDS.length) + 1}`;
}

function contract(p: ProductPlan, rand: () => number, index: number): Record<string, unknown> {
  const columns = COLUMNS.filter((c) => p.columns.includes(c.name));
  return {
    apiVersion: "v3.1.0",
    kind: "DataContract",
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    name: p.port,
    version: `${1 + Math.floor(rand() * 3)}.${Math.floor(rand() * 10)}.0`,
    status: "active",
    domain: p.domain,
    dataProduct: p.name,
    description: { purpose: `Synthetic ${p.name.replace(/-/g, " ")} of the ${p.domain} domain, for benchmarks.` },
    team: { name: `${p.domain}-data`, members: [{ username: `${p.domain}-lead@example.com`, role: "owner" }] },
    schema: [{
      name: p.port,
      physicalType: "table",
      description: `One row per ${p.port.replace(/_/g, " ")} record.`,
      properties: [
        { name: "record_id", logicalType: "string", physicalType: "varchar(36)", primaryKey: true, required: true, classification: "internal", quality: [{ metric: "nullValues", mustBe: 0, dimension: "completeness" }] },
        ...columns.map((c) => ({ ...c, tags: "tags" in c ? [...c.tags] : undefined, description: `The ${c.name.replace(/_/g, " ")}.` })),
        { name: "event_date", logicalType: "date", partitioned: true, partitionKeyPosition: 1, classification: "internal" },
      ].map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))),
      quality: [{ metric: "rowCount", mustBeGreaterThan: 0, dimension: "completeness" }],
    }],
    slaProperties: [
      { property: "latency", value: pick(rand, [15, 30, 60, 120]), unit: "min" },
      { property: "frequency", value: pick(rand, [15, 30, 60]), unit: "min" },
      { property: "retention", value: pick(rand, [1, 2, 7]), unit: "y" },
    ],
    customProperties: [{ property: "classification", value: p.classification }],
  };
}

/**
 * Writes a valid, deterministic mesh root of `domains` domains and `products` products in total, one `dev`
 * environment with Kubernetes, and cross-domain inputs (each product of a later domain reads a port of an
 * earlier one, auto-approved by the producer).
 */
export function generateMesh(opts: GenerateOptions): { domains: number; products: number; stacks: number } {
  const rand = seededRandom(opts.seed ?? 42);
  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(join(opts.out, "stacks"), { recursive: true });
  const write = (file: string, data: unknown) => {
    mkdirSync(join(opts.out, file, ".."), { recursive: true });
    writeFileSync(join(opts.out, file), stringify(data, { lineWidth: 0 }));
  };
  write("mesh.yaml", {
    name: "synthetic",
    description: `Synthetic mesh of ${opts.domains} domains and ${opts.products} products (mesh generate).`,
    prefix: "syn",
    organizationId: "o-synthetic01",
    allowedRegions: ["eu-west-1"],
    qualityRunnerImage: "registry.example.com/platform/quality-runner:1.0.0",
    dataLakeAdmins: ["DataPlatformAdmin"],
    environments: { dev: { region: "eu-west-1", account: "123456789012", eksOidcIssuer: "oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF", eksCluster: "synthetic-dev" } },
  });
  const plans: ProductPlan[][] = [];
  for (let d = 0; d < opts.domains; d++) {
    const domain = domainName(d);
    const count = Math.floor(opts.products / opts.domains) + (d < opts.products % opts.domains ? 1 : 0);
    plans.push(Array.from({ length: count }, (_, i) => {
      const name = `${domain.split("-")[0]}-${ENTITY_WORDS[i % ENTITY_WORDS.length]}${i >= ENTITY_WORDS.length ? `-${Math.floor(i / ENTITY_WORDS.length) + 1}` : ""}`;
      const columns = COLUMNS.filter(() => rand() < 0.6).map((c) => c.name);
      return {
        domain,
        name,
        port: name.replace(/-/g, "_"),
        columns: columns.length > 0 ? columns : ["amount"],
        classification: columns.includes("email") ? "confidential" : "internal",
      };
    }));
  }
  let index = 0;
  const majors = new Map<string, number>();
  plans.forEach((products, d) => {
    const domain = domainName(d);
    write(`domains/${domain}/domain.yaml`, {
      name: domain,
      description: `Synthetic ${domain} domain for benchmarks.`,
      owner: { team: `${domain}-data`, email: `${domain}-data@example.com` },
      costCenter: `CC-${1000 + d}`,
      blueprint: "^1.0.0",
      environments: { dev: { region: "eu-west-1", account: "123456789012", kubernetes: true } },
    });
    writeFileSync(join(opts.out, "stacks", `Pulumi.${domain}-dev.yaml`), `config:\n  mesh:domain: ${domain}\n  mesh:env: dev\n`);
    for (const p of products) {
      const dir = `domains/${domain}/products/${p.name}`;
      const doc = contract(p, rand, index++);
      majors.set(`${p.domain}/${p.name}`, Number(String(doc.version).split(".")[0]));
      // Each product of a later domain reads one port of the domain before it, which auto-approves it.
      const upstream = d > 0 && plans[d - 1]!.length > 0 ? pick(rand, plans[d - 1]!) : undefined;
      const input = upstream && {
        from: `${upstream.domain}/${upstream.name}/${upstream.port}@${majors.get(`${upstream.domain}/${upstream.name}`)}`,
        fields: ["record_id", "event_date"],
        purpose: "synthetic cross-domain read for benchmarks",
      };
      write(`${dir}/contract.odcs.yaml`, doc);
      write(`${dir}/product.yaml`, {
        description: `Synthetic ${p.name.replace(/-/g, " ")} product for benchmarks.`,
        outputPorts: [p.port],
        inputs: input ? [input] : [],
        access: { autoApprove: d + 1 < opts.domains ? [domainName(d + 1)] : [] },
        pipeline: { image: `registry.example.com/${domain}/${p.name}:1.0.0`, schedule: "*/30 * * * *" },
      });
    }
  });
  writeFileSync(join(opts.out, "stacks", "Pulumi.platform-dev.yaml"), "config:\n  mesh:domain: platform\n  mesh:env: dev\n");
  return { domains: opts.domains, products: opts.products, stacks: opts.domains + 1 };
}
