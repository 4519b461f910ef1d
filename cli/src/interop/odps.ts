import { Names } from "@data-mesh/components/src/naming/names";
import type { MeshModel } from "@data-mesh/components/src/config/model";
import type { Catalog, CatalogProduct } from "../catalog/model";

/** The environment whose names an export shows: the first production one, else the first declared. */
export function exportEnv(mesh: MeshModel, domain: string): string {
  const d = mesh.domains.find((x) => x.name === domain)!;
  const envs = Object.keys(d.config.environments);
  return envs.find((e) => mesh.config.environments[e]?.production) ?? envs[0]!;
}

/**
 * A product as an Open Data Product Standard v1.0.0 descriptor: input ports with the contract ids they read, an
 * output port per served major with its contract id, management ports for the catalog page and the alerts topic
 * of each environment, support channels and the team.
 */
export function odpsDescriptor(mesh: MeshModel, catalog: Catalog, p: CatalogProduct): Record<string, unknown> {
  const byId = new Map(catalog.products.map((x) => [x.id, x]));
  const domain = catalog.domains.find((d) => d.name === p.domain)!;
  const inputContracts = p.inputs.map((i) => ({ id: byId.get(i.product)!.contractId, version: byId.get(i.product)!.version }));
  const home = mesh.config.environments[exportEnv(mesh, p.domain)]!;
  const platform = (env: string) => new Names({ prefix: mesh.config.prefix, env, domain: "platform", account: home.account, region: home.region });
  const support = p.support.filter((s) => s.url).map((s) => ({ channel: s.channel, url: s.url!, ...(s.tool ? { tool: s.tool } : {}) }));
  return {
    apiVersion: "v1.0.0",
    kind: "DataProduct",
    id: `urn:data-mesh:${mesh.config.name}:${p.domain}:${p.name}`,
    name: p.name,
    version: p.version,
    status: p.status,
    domain: p.domain,
    tenant: mesh.config.name,
    description: { purpose: p.purpose, ...(p.usage ? { usage: p.usage } : {}), ...(p.limitations ? { limitations: p.limitations } : {}) },
    ...(p.tags.length > 0 ? { tags: p.tags } : {}),
    ...(p.inputs.length > 0
      ? { inputPorts: p.inputs.map((i) => ({ name: `${i.product}/${i.port}`, version: byId.get(i.product)!.version, contractId: byId.get(i.product)!.contractId, customProperties: [{ property: "fields", value: i.fields }, { property: "purpose", value: i.purpose }] })) }
      : {}),
    outputPorts: p.ports.flatMap((port) => port.majors.map((m) => ({
      name: port.name,
      description: port.description,
      type: "tables",
      version: m.version,
      contractId: m.contractId,
      ...(inputContracts.length > 0 ? { inputContracts } : {}),
      customProperties: [{ property: "major", value: m.major }, { property: "glueTable", value: m.table }, { property: "classification", value: port.classification }],
    }))),
    managementPorts: [
      { name: "catalog", content: "discoverability", type: "rest", url: `s3://${platform(exportEnv(mesh, p.domain)).productBucket("catalog")}/products/${p.domain}/${p.name}.html`, description: "The product's catalog page (schema, SLAs, lineage, consumers, how to request access)" },
      ...p.locations.map((l) => {
        const names = new Names({ prefix: mesh.config.prefix, env: l.env, domain: p.domain, account: l.account, region: l.region });
        return { name: `alerts-${l.env}`, content: "observability", type: "topic", channel: `arn:aws:sns:${l.region}:${l.account}:${names.alertTopic()}`, description: `Freshness and quality alarms of ${p.domain} in ${l.env}` };
      }),
    ],
    support: support.length > 0 ? support : [{ channel: domain.owner.slack ?? domain.owner.team, url: `mailto:${domain.owner.email}`, tool: "email" }],
    team: { name: p.team, members: p.members.map((m) => ({ username: m.username, ...(m.name ? { name: m.name } : {}), ...(m.role ? { role: m.role } : {}) })) },
  };
}
