import { directReadsOf, type LineageEdge, type LineageGraph, type PortNode } from "@data-mesh/components/src/lineage";
import { escapeHtml, raw, type SafeHtml } from "./html";

const NODE_W = 320;
const NODE_H = 50;
const GAP = 22;
const COL_GAP = 170;

interface Node {
  id: string;
  x: number;
  y: number;
}

function column(ids: string[], x: number, height: number): Node[] {
  const total = ids.length * NODE_H + Math.max(0, ids.length - 1) * GAP;
  const top = (height - total) / 2;
  return ids.map((id, i) => ({ id, x, y: top + i * (NODE_H + GAP) }));
}

/** One direct read, as the SVG draws it: `to` reads `port@major` of `from` (both `domain/product`). */
interface Read {
  from: string;
  port: string;
  major: number;
  to: string;
  approved: boolean;
}

/** The reads into and out of one product (its direct neighbours), from the shared lineage graph. */
function directReads(graph: LineageGraph, productId: string): { upstream: Read[]; downstream: Read[] } {
  const direct = directReadsOf(graph, productId);
  if (!direct) return { upstream: [], downstream: [] };
  const read = ({ edge, port }: { edge: LineageEdge; port: PortNode }): Read => ({ from: port.product, port: port.port, major: port.major, to: edge.to, approved: edge.kind === "reads" && edge.approved && !edge.unserved });
  return { upstream: direct.into.map(read).filter((r) => r.to === productId), downstream: direct.out.map(read) };
}

/** Two lines: the domain, then the product (names are at most 40 characters, which fits the box). */
function label(n: { id: string; x: number; y: number }, self: boolean): string {
  const [domain, product] = n.id.split("/");
  const cls = `node-label${self ? " self-label" : ""}`;
  const cx = n.x + NODE_W / 2;
  return `<text x="${cx}" y="${n.y + 20}" text-anchor="middle" class="${cls} domain-label">${escapeHtml(`${domain}/`)}</text>` +
    `<text x="${cx}" y="${n.y + 39}" text-anchor="middle" class="${cls}">${escapeHtml(product ?? "")}</text>`;
}

/**
 * The lineage around one product as inline SVG, laid out at build time: the products it reads on the left, the
 * products reading it on the right, each edge labelled with the port and major read. Nodes link to their pages.
 */
export function lineageSvg(productId: string, graph: LineageGraph, href: (id: string) => string): SafeHtml {
  const { upstream, downstream } = directReads(graph, productId);
  const ups = [...new Set(upstream.map((e) => e.from))].sort();
  const downs = [...new Set(downstream.map((e) => e.to))].sort();
  const rows = Math.max(1, ups.length, downs.length);
  const height = rows * NODE_H + (rows - 1) * GAP + 20;
  const width = NODE_W * 3 + COL_GAP * 2;
  const nodes = new Map<string, Node>();
  for (const n of column(ups, 0, height)) nodes.set(`up:${n.id}`, n);
  nodes.set(`self:${productId}`, column([productId], NODE_W + COL_GAP, height)[0]!);
  for (const n of column(downs, (NODE_W + COL_GAP) * 2, height)) nodes.set(`down:${n.id}`, n);
  const self = nodes.get(`self:${productId}`)!;

  // Labels sit at the end away from this product, where edges do not converge.
  const path = (a: Node, b: Node, text: string, pending: boolean, labelAt: "start" | "end"): string => {
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const mx = (x1 + x2) / 2;
    return `<path d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2 - 6},${y2}" class="edge${pending ? " pending" : ""}" marker-end="url(#arrow)"/>` +
      (labelAt === "end" ? `<text x="${x2 - 10}" y="${y2 - 8}" class="edge-label" text-anchor="end">` : `<text x="${x1 + 10}" y="${y1 - 8}" class="edge-label" text-anchor="start">`) + `${escapeHtml(text)}</text>`;
  };
  const box = (n: Node, kind: string): string => {
    const body = `<rect x="${n.x}" y="${n.y}" width="${NODE_W}" height="${NODE_H}" rx="6" class="node ${kind}"/>` +
      label(n, kind === "self");
    return kind === "self" ? body : `<a href="${escapeHtml(href(n.id))}"><title>${escapeHtml(n.id)}</title>${body}</a>`;
  };
  const lines: string[] = [];
  const groupLabel = (edgesOf: Read[]) => [...new Set(edgesOf.map((e) => `${e.port}@${e.major}`))].join(", ");
  for (const id of ups) lines.push(path(nodes.get(`up:${id}`)!, self, groupLabel(upstream.filter((e) => e.from === id)), upstream.filter((e) => e.from === id).every((e) => !e.approved), "start"));
  for (const id of downs) lines.push(path(self, nodes.get(`down:${id}`)!, groupLabel(downstream.filter((e) => e.to === id)), downstream.filter((e) => e.to === id).every((e) => !e.approved), "end"));
  const description = [
    ...upstream.map((e) => `${productId} reads ${e.port}@${e.major} of ${e.from}`),
    ...downstream.map((e) => `${e.to} reads ${e.port}@${e.major} of ${productId}${e.approved ? "" : " (pending approval)"}`),
  ].join("; ") || `${productId} reads no other product and has no consumers yet`;
  return raw(
    `<svg xmlns="http://www.w3.org/2000/svg" class="lineage" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="lineage-title lineage-desc">` +
      `<title id="lineage-title">Lineage of ${escapeHtml(productId)}</title><desc id="lineage-desc">${escapeHtml(description)}</desc>` +
      `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow"/></marker></defs>` +
      lines.join("") +
      [...nodes.entries()].map(([k, n]) => box(n, k.split(":")[0]!)).join("") +
      `</svg>`,
  );
}
