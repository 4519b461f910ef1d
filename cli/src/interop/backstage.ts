import { createHash } from "node:crypto";
import { Names } from "@data-mesh/components/src/naming/names";
import type { MeshModel } from "@data-mesh/components/src/config/model";
import type { Catalog, CatalogProduct } from "../catalog/model";
import { exportEnv } from "./odps";

/** A Backstage catalog entity, as `catalog-info.yaml` holds it. */
export interface BackstageEntity {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; title?: string; description?: string; tags?: string[]; annotations?: Record<string, string>; links?: { url: string; title: string }[] };
  spec: Record<string, unknown>;
}

/** Backstage entity names: 1-63 of [A-Za-z0-9-_.], alphanumeric at both ends; longer ones keep a stable hash. */
export function entityName(...parts: string[]): string {
  const full = parts.join("-").replace(/[^A-Za-z0-9_.-]/g, "-").replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  if (full.length <= 63) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 7);
  return `${full.slice(0, 55).replace(/[^A-Za-z0-9]+$/, "")}-${hash}`;
}

/** Backstage tags: lowercase [a-z0-9+#] words joined by hyphens, at most 63 characters. */
function tag(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9+#-]/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, 63);
}

const LIFECYCLE: Record<string, string> = { active: "production", deprecated: "deprecated", retired: "deprecated", draft: "experimental", proposed: "experimental" };

const group = (team: string) => `group:default/${team}`;
const apiName = (product: string, port: string, major: number) => entityName(product, port.replace(/_/g, "-"), `v${major}`);

/**
 * The mesh as Backstage entities: a Domain per domain and a Group per owning team (default namespace); per product,
 * in the namespace of its domain, a System, a Component (its pipeline: provides its APIs, consumes its inputs'),
 * an API per port major (the contract as definition) and a Resource per bucket and Glue table of the export env.
 */
export function backstageEntities(mesh: MeshModel, catalog: Catalog, contractText: (contractFile: string) => string): BackstageEntity[] {
  const entities: BackstageEntity[] = [];
  const teams = new Map<string, string>();
  for (const d of catalog.domains) {
    teams.set(d.owner.team, `Owns domain ${d.name}`);
    entities.push({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Domain",
      metadata: { name: d.name, description: d.description, annotations: { "data-mesh/cost-center": d.costCenter } },
      spec: { owner: group(d.owner.team) },
    });
  }
  for (const p of catalog.products) {
    if (!teams.has(p.team)) teams.set(p.team, `Owns data products (${p.id})`);
    const env = exportEnv(mesh, p.domain);
    const loc = p.locations.find((l) => l.env === env)!;
    const names = new Names({ prefix: mesh.config.prefix, env, domain: p.domain, account: loc.account, region: loc.region });
    const ns = p.domain;
    const owner = group(p.team);
    const system = `system:${ns}/${p.name}`;
    const tags = p.tags.map(tag).filter((t) => t.length > 0);
    entities.push({
      apiVersion: "backstage.io/v1alpha1",
      kind: "System",
      metadata: { name: p.name, namespace: ns, title: p.title, description: p.description, ...(tags.length > 0 ? { tags } : {}), annotations: { "data-mesh/classification": p.classification, "data-mesh/contract-id": p.contractId } },
      spec: { owner, domain: `domain:default/${p.domain}` },
    });
    const bucket = entityName(p.name, "bucket");
    const resources = [`resource:${ns}/${bucket}`];
    entities.push({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Resource",
      metadata: { name: bucket, namespace: ns, description: `S3 bucket of ${p.id} (${env})`, annotations: { "data-mesh/physical-name": loc.bucket, "data-mesh/environment": env } },
      spec: { type: "s3-bucket", owner, system },
    });
    const apis: string[] = [];
    for (const port of p.ports) {
      for (const m of port.majors) {
        const api = apiName(p.name, port.name, m.major);
        apis.push(`api:${ns}/${api}`);
        const table = entityName(p.name, port.name.replace(/_/g, "-"), `v${m.major}`, "table");
        resources.push(`resource:${ns}/${table}`);
        entities.push({
          apiVersion: "backstage.io/v1alpha1",
          kind: "Resource",
          metadata: { name: table, namespace: ns, description: `Glue table of ${p.id} port ${port.name}@${m.major} (${env})`, annotations: { "data-mesh/physical-name": `${loc.database}.${names.glueTable(port.name, m.major)}`, "data-mesh/environment": env } },
          spec: { type: "glue-table", owner, system, dependsOn: [`resource:${ns}/${bucket}`] },
        });
        entities.push({
          apiVersion: "backstage.io/v1alpha1",
          kind: "API",
          metadata: { name: api, namespace: ns, title: `${p.id} ${port.name}@${m.major}`, description: port.description, annotations: { "data-mesh/port": `${p.id}/${port.name}@${m.major}`, "data-mesh/classification": port.classification } },
          spec: { type: "odcs", lifecycle: LIFECYCLE[m.status] ?? "production", owner, system, definition: contractText(m.contractFile) },
        });
      }
    }
    const consumes = p.inputs.map((i) => `api:${i.product.split("/")[0]}/${apiName(i.product.split("/")[1]!, i.port, i.major)}`);
    entities.push({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Component",
      metadata: { name: entityName(p.name, "pipeline"), namespace: ns, description: `Pipeline of ${p.id}: writes its ports from its inputs` },
      spec: { type: "data-pipeline", lifecycle: LIFECYCLE[p.status] ?? "production", owner, system, providesApis: apis, ...(consumes.length > 0 ? { consumesApis: consumes } : {}), dependsOn: resources },
    });
  }
  for (const [team, description] of [...teams.entries()].sort()) {
    entities.unshift({ apiVersion: "backstage.io/v1alpha1", kind: "Group", metadata: { name: team, description }, spec: { type: "team", children: [] } });
  }
  return entities;
}
