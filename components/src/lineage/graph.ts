import type { MeshModel, ProductModel } from "../config/model";
import { servedPorts } from "../config/model";

/** A data product, with who to talk to about it. */
export interface ProductNode {
  kind: "product";
  /** `domain/product` */
  id: string;
  domain: string;
  product: string;
  /** The owners named in the current contract (team members with role owner). */
  owners: string[];
  team: string;
  /** The owning domain's team contact from domain.yaml. */
  contact: { email: string; slack?: string };
}

/** One port at one major: a Glue table `<port>_v<major>` and its S3 prefix. */
export interface PortNode {
  kind: "port";
  /** `domain/product/port@major`, the string consumers write in `inputs[].from`. */
  id: string;
  product: string;
  port: string;
  major: number;
  contractVersion: string;
  status: string;
  fields: string[];
  endOfSupport?: string;
  endOfLife?: string;
}

export type LineageNode = ProductNode | PortNode;

/** `publishes`: product → its port@major. `reads`: port@major → the consumer product, with the fields it declared. */
export type LineageEdge =
  | { kind: "publishes"; from: string; to: string }
  | {
      kind: "reads";
      from: string;
      to: string;
      fields: string[];
      purpose: string;
      /** false while the producer has not approved the read (declared, nothing granted). */
      approved: boolean;
      /** The consumer reads a major its producer no longer serves (the plan blocks). */
      unserved?: boolean;
    };

/** The mesh's lineage: what `out/plan/lineage.json` holds and `mesh lineage` prints. */
export interface LineageGraph {
  schemaVersion: 1;
  nodes: LineageNode[];
  edges: LineageEdge[];
}

export const productId = (p: Pick<ProductModel, "domain" | "name">): string => `${p.domain}/${p.name}`;
export const portId = (product: string, port: string, major: number): string => `${product}/${port}@${major}`;

/**
 * Builds the graph product → port@major → consumer across all domains from a loaded mesh. Deterministic: nodes
 * and edges are sorted by id, so the file diffs cleanly between plans.
 */
export function buildLineage(mesh: MeshModel): LineageGraph {
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  for (const domain of mesh.domains) {
    for (const product of domain.products) {
      const pid = productId(product);
      nodes.push({
        kind: "product",
        id: pid,
        domain: domain.name,
        product: product.name,
        owners: product.contract.owners,
        team: product.contract.team,
        contact: { email: domain.config.owner.email, ...(domain.config.owner.slack ? { slack: domain.config.owner.slack } : {}) },
      });
      for (const s of servedPorts(product)) {
        const port = s.contract.ports[s.port]!;
        const id = portId(pid, s.port, s.major);
        nodes.push({
          kind: "port",
          id,
          product: pid,
          port: s.port,
          major: s.major,
          contractVersion: s.contract.version,
          status: s.contract.status,
          fields: [...port.columns, ...port.partitionKeys].map((c) => c.name),
          ...(s.contract.sla.endOfSupport ? { endOfSupport: s.contract.sla.endOfSupport } : {}),
          ...(s.contract.sla.endOfLife ? { endOfLife: s.contract.sla.endOfLife } : {}),
        });
        edges.push({ kind: "publishes", from: pid, to: id });
      }
      const reads = [...product.consumers.map((g) => ({ g, unserved: false })), ...product.unservedReads.map((g) => ({ g, unserved: true }))];
      for (const { g, unserved } of reads) {
        edges.push({
          kind: "reads",
          from: portId(pid, g.port, g.major),
          to: `${g.consumerDomain}/${g.consumerProduct}`,
          fields: g.fields,
          purpose: g.purpose,
          approved: g.approvedVia !== undefined,
          ...(unserved ? { unserved } : {}),
        });
      }
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const edgeKey = (e: LineageEdge) => `${e.from}\0${e.to}`;
  edges.sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : edgeKey(a) > edgeKey(b) ? 1 : 0));
  return { schemaVersion: 1, nodes: nodes.sort(byId), edges };
}
