import type { LineageEdge, LineageGraph, LineageNode, PortNode, ProductNode } from "./graph";

/** The part of the graph upstream and downstream of one product, transitively. */
export interface LineageView {
  product: string;
  /** Edges that lead to the product (what it is built from), nearest first. */
  upstream: LineageEdge[];
  /** Edges that leave the product (who is built from it), nearest first. */
  downstream: LineageEdge[];
  nodes: LineageNode[];
}

/** Breadth-first from `start` along `step`, collecting each edge once: nearest hops come first. */
function walk(start: string, step: (node: string) => LineageEdge[], far: (e: LineageEdge) => string): LineageEdge[] {
  const seen = new Set<string>([start]);
  const out: LineageEdge[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const e of step(node)) {
      out.push(e);
      const n = far(e);
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return out;
}

interface GraphIndex {
  products: Set<string>;
  /** Port nodes by id (the last of a duplicated id, as a Map built from the node list would keep). */
  ports: Map<string, PortNode>;
  /** Edges by their `from` and by their `to` node, each list in the graph's edge order. */
  out: Map<string, LineageEdge[]>;
  into: Map<string, LineageEdge[]>;
}

/**
 * The adjacency of a graph, built once per graph object: the catalog asks for the lineage of every product, and
 * rebuilding it per product made a 1,000-product catalog quadratic (docs/performance.md). Graphs are not mutated
 * after buildLineage returns them.
 */
const indexes = new WeakMap<LineageGraph, GraphIndex>();
function indexOf(graph: LineageGraph): GraphIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = {
      products: new Set(graph.nodes.filter((n) => n.kind === "product").map((n) => n.id)),
      ports: new Map(graph.nodes.filter((n): n is PortNode => n.kind === "port").map((n) => [n.id, n])),
      out: new Map(),
      into: new Map(),
    };
    for (const e of graph.edges) {
      (index.out.get(e.from) ?? index.out.set(e.from, []).get(e.from)!).push(e);
      (index.into.get(e.to) ?? index.into.set(e.to, []).get(e.to)!).push(e);
    }
    indexes.set(graph, index);
  }
  return index;
}

/**
 * The reads one hop around a product, in graph order: reads into it, and reads of the ports it publishes, each
 * with the port read. The same reads as the first hops of lineageOf (the mesh has no cycles: load-mesh refuses
 * them), without walking the whole transitive lineage of every product of a catalog.
 */
export function directReadsOf(graph: LineageGraph, product: string): { into: { edge: LineageEdge; port: PortNode }[]; out: { edge: LineageEdge; port: PortNode }[] } | undefined {
  const { products, ports, out, into } = indexOf(graph);
  if (!products.has(product)) return undefined;
  const withPort = (edges: LineageEdge[]) => edges.flatMap((edge) => (edge.kind === "reads" && ports.has(edge.from) ? [{ edge, port: ports.get(edge.from)! }] : []));
  const published = [...new Set((out.get(product) ?? []).filter((e) => e.kind === "publishes").map((e) => e.to))];
  return { into: withPort(into.get(product) ?? []), out: withPort(published.flatMap((port) => out.get(port) ?? [])).filter((r) => r.port.product === product) };
}

/** Upstream and downstream of `product` (`domain/product`); undefined when the mesh has no such product. */
export function lineageOf(graph: LineageGraph, product: string): LineageView | undefined {
  const { products, out, into } = indexOf(graph);
  if (!products.has(product)) return undefined;
  const upstream = walk(product, (n) => into.get(n) ?? [], (e) => e.from);
  const downstream = walk(product, (n) => out.get(n) ?? [], (e) => e.to);
  const ids = new Set([product, ...[...upstream, ...downstream].flatMap((e) => [e.from, e.to])]);
  return { product, upstream, downstream, nodes: graph.nodes.filter((n) => ids.has(n.id)) };
}

function describeEdge(e: LineageEdge): string {
  if (e.kind === "publishes") return `${e.from} publishes ${e.to}`;
  const state = e.unserved ? " (major no longer served: blocks the plan)" : e.approved ? "" : " (pending approval)";
  return `${e.to} reads ${e.from} [${e.fields.join(", ")}]${state}`;
}

function describeProduct(n: ProductNode): string {
  return `${n.id} (owners ${n.owners.join(", ")}; ${n.contact.email}${n.contact.slack ? `, ${n.contact.slack}` : ""})`;
}

function describePort(n: PortNode): string {
  const eol = n.endOfLife ? `, end of life ${n.endOfLife}` : "";
  return `${n.id} (contract ${n.contractVersion}, ${n.status}${eol})`;
}

/** Plain text for a terminal: the product, its ports, then each upstream and downstream edge. */
export function renderLineageText(view: LineageView): string {
  const node = new Map(view.nodes.map((n) => [n.id, n]));
  const me = node.get(view.product) as ProductNode;
  const ports = view.nodes.filter((n): n is PortNode => n.kind === "port" && n.product === view.product);
  const lines = [describeProduct(me)];
  for (const p of ports) lines.push(`  port ${describePort(p)}`);
  const section = (title: string, edges: LineageEdge[]) => {
    const reads = edges.filter((e) => e.kind === "reads");
    lines.push(`${title}: ${reads.length === 0 ? "none" : ""}`.trimEnd());
    for (const e of reads) {
      const port = node.get(e.from) as PortNode | undefined;
      lines.push(`  ${describeEdge(e)}${port?.status === "deprecated" ? ` — deprecated, end of life ${port.endOfLife ?? "not set"}` : ""}`);
    }
  };
  section("upstream", view.upstream);
  section("downstream", view.downstream);
  return lines.join("\n");
}

/** A Mermaid flowchart (left to right): products as boxes, ports as subroutines, reads labelled with fields. */
export function renderLineageMermaid(view: LineageView): string {
  const ids = new Map(view.nodes.map((n, i) => [n.id, `n${i}`]));
  const label = (s: string) => s.replace(/"/g, "#quot;");
  const lines = ["flowchart LR"];
  for (const n of view.nodes) {
    const text = n.kind === "product" ? n.id : `${n.port}@${n.major}${n.status === "deprecated" ? ` (deprecated${n.endOfLife ? `, EOL ${n.endOfLife}` : ""})` : ""}`;
    lines.push(n.kind === "product" ? `  ${ids.get(n.id)}["${label(text)}"]` : `  ${ids.get(n.id)}[["${label(text)}"]]`);
  }
  const edges = new Map<string, LineageEdge>();
  for (const e of [...view.upstream, ...view.downstream]) edges.set(`${e.from}\0${e.to}`, e);
  for (const e of edges.values()) {
    const from = ids.get(e.from)!;
    const to = ids.get(e.to)!;
    if (e.kind === "publishes") lines.push(`  ${from} --> ${to}`);
    else lines.push(`  ${from} ${e.approved && !e.unserved ? "-->" : "-.->"}|"${label(e.fields.join(", "))}"| ${to}`);
  }
  return lines.join("\n");
}
