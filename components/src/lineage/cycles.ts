import type { LineageGraph } from "./graph";

/**
 * The first cycle among products (A reads a port of B, B reads a port of A, directly or through others), as the
 * list of product ids from one product back to itself, or undefined. Iterative DFS with three colours, so a
 * mesh of thousands of products cannot overflow the stack; products are visited in sorted order, so the cycle
 * reported is the same every run.
 */
export function findProductCycle(graph: LineageGraph): string[] | undefined {
  const portOwner = new Map(graph.nodes.flatMap((n) => (n.kind === "port" ? [[n.id, n.product] as const] : [])));
  const next = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind !== "reads") continue;
    const producer = portOwner.get(e.from);
    if (!producer) continue;
    const list = next.get(producer) ?? [];
    if (!list.includes(e.to)) list.push(e.to);
    next.set(producer, list);
  }
  for (const list of next.values()) list.sort();
  const colour = new Map<string, "grey" | "black">();
  const products = graph.nodes.filter((n) => n.kind === "product").map((n) => n.id);
  for (const start of products) {
    if (colour.has(start)) continue;
    const path: string[] = [start];
    const cursor: number[] = [0];
    colour.set(start, "grey");
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const succ = next.get(node) ?? [];
      const i = cursor[cursor.length - 1]!;
      if (i >= succ.length) {
        colour.set(node, "black");
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = i + 1;
      const to = succ[i]!;
      const c = colour.get(to);
      if (c === "grey") return [...path.slice(path.indexOf(to)), to];
      if (c === undefined) {
        colour.set(to, "grey");
        path.push(to);
        cursor.push(0);
      }
    }
  }
  return undefined;
}
