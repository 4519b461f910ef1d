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

/** Upstream and downstream of `product` (`domain/product`); undefined when the mesh has no such product. */
export function lineageOf(graph: LineageGraph, product: string): LineageView | undefined {
  if (!graph.nodes.some((n) => n.kind === "product" && n.id === product)) return undefined;
  const out = new Map<string, LineageEdge[]>();
  const into = new Map<string, LineageEdge[]>();
  for (const e of graph.edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e]);
    into.set(e.to, [...(into.get(e.to) ?? []), e]);
  }
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
