import { resolve } from "node:path";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import { ConfigError } from "@data-mesh/components/src/config/errors";
import { buildLineage, lineageOf, renderLineageMermaid, renderLineageText } from "@data-mesh/components/src/lineage";

export type LineageFormat = "text" | "json" | "mermaid";

/** `mesh lineage <domain/product>`: what a product is built from and who is built from it, across all domains. */
export function lineage(opts: { root: string; product: string; format: LineageFormat }): string {
  const mesh = loadMesh(resolve(opts.root));
  const graph = buildLineage(mesh);
  const view = lineageOf(graph, opts.product);
  if (!view) {
    const products = graph.nodes.filter((n) => n.kind === "product").map((n) => n.id);
    throw new ConfigError("mesh lineage", "<domain/product>", `no product "${opts.product}" in ${resolve(opts.root)} (products: ${products.join(", ")})`);
  }
  if (opts.format === "json") return JSON.stringify(view, null, 2);
  return opts.format === "mermaid" ? renderLineageMermaid(view) : renderLineageText(view);
}
