import type { MeshModel } from "@data-mesh/components/src/config/model";

/** One declared read: `to` reads `port@major` of `from` (both `domain/product`). */
export interface LineageEdge {
  from: string;
  port: string;
  major: number;
  to: string;
  fields: string[];
  approved: boolean;
}

/**
 * The lineage graph of the mesh: declared inputs, product → port → product. Derived from the model's consumers
 * until the shared lineage module (issue 10) lands; then this is the one function to replace.
 */
export function lineageEdges(mesh: MeshModel): LineageEdge[] {
  return mesh.domains.flatMap((d) => d.products.flatMap((p) => p.consumers.map((c) => ({
    from: `${d.name}/${p.name}`,
    port: c.port,
    major: c.major,
    to: `${c.consumerDomain}/${c.consumerProduct}`,
    fields: c.fields,
    approved: c.approvedVia !== undefined,
  }))));
}
