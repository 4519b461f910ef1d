import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { buildLineage, directReadsOf, findProductCycle, type LineageGraph, lineageOf } from "../../components/src/lineage";
import { mesh } from "../helpers/cli";
import { copyMesh, MINI, REPO, setYaml } from "../helpers/fixture";

/** A graph of products only, from `reads` pairs (producer, consumer), to test cycle detection on its own. */
function graphOf(products: string[], reads: [string, string][]): LineageGraph {
  return {
    schemaVersion: 1,
    nodes: [
      ...products.map((id) => ({ kind: "product" as const, id, domain: id.split("/")[0]!, product: id.split("/")[1]!, owners: [], team: "t", contact: { email: "t@example.com" } })),
      ...products.map((id) => ({ kind: "port" as const, id: `${id}/p@1`, product: id, port: "p", major: 1, contractVersion: "1.0.0", status: "active", fields: ["a"] })),
    ],
    edges: reads.map(([from, to]) => ({ kind: "reads" as const, from: `${from}/p@1`, to, fields: ["a"], purpose: "test", approved: true })),
  };
}

describe("lineage of the e-commerce mesh", () => {
  const graph = buildLineage(loadMesh(REPO));

  it("has product → port@major → consumer with the fields each consumer declared in its product.yaml", () => {
    // From domains/recommendations/products/product-recommendations/product.yaml.
    expect(graph.edges).toContainEqual(expect.objectContaining({
      kind: "reads", from: "customers/customer-profile/customers@1", to: "recommendations/product-recommendations",
      fields: ["customer_id", "segment", "marketing_consent"], approved: true,
    }));
    expect(graph.edges).toContainEqual({ kind: "publishes", from: "customers/customer-profile", to: "customers/customer-profile/customers@1" });
    const reads = graph.edges.filter((e) => e.kind === "reads");
    expect(reads.length).toBeGreaterThan(3);
    // Every read starts at a port node and ends at a product node.
    const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
    for (const e of reads) expect([kinds.get(e.from), kinds.get(e.to)], `${e.from} → ${e.to}`).toEqual(["port", "product"]);
  });

  it("names each product's owners and domain contact", () => {
    expect(graph.nodes.find((n) => n.id === "customers/customer-profile")).toMatchObject({
      owners: ["amira.haddad@shopwave.example"], contact: { email: "customer-data@shopwave.example", slack: "#customer-data" },
    });
  });

  it("walks upstream and downstream transitively, nearest hop first", () => {
    const view = lineageOf(graph, "orders/order-events")!;
    expect(view.upstream.filter((e) => e.kind === "reads").map((e) => e.from)).toContain("customers/customer-profile/customers@1");
    const downstream = view.downstream.filter((e) => e.kind === "reads").map((e) => e.to);
    expect(downstream).toContain("recommendations/product-recommendations");
    expect(lineageOf(graph, "nobody/here")).toBeUndefined();
  });
});

describe("direct reads of one product (the catalog's lineage picture)", () => {
  // a/x → b/y → c/z, and d/w also reads b/y: b reads a's port, c and d read b's.
  const graph = graphOf(["a/x", "b/y", "c/z", "d/w"], [["a/x", "b/y"], ["b/y", "c/z"], ["b/y", "d/w"]]);
  graph.edges.push({ kind: "publishes", from: "b/y", to: "b/y/p@1" });

  it("lists the reads into it and the reads of its ports, one hop only", () => {
    const direct = directReadsOf(graph, "b/y")!;
    expect(direct.into.map((r) => `${r.port.product} -> ${r.edge.to}`)).toEqual(["a/x -> b/y"]);
    expect(direct.out.map((r) => `${r.port.product} -> ${r.edge.to}`)).toEqual(["b/y -> c/z", "b/y -> d/w"]);
    // Two hops away is not direct: c reads b, not a.
    expect(directReadsOf(graph, "c/z")!.into.map((r) => r.port.product)).toEqual(["b/y"]);
  });

  it("is undefined for a product the graph does not have", () => {
    expect(directReadsOf(graph, "nope/none")).toBeUndefined();
  });
});

describe("cycle detection", () => {
  it("finds no cycle in a diamond", () => {
    expect(findProductCycle(graphOf(["a/x", "b/x", "c/x", "d/x"], [["a/x", "b/x"], ["a/x", "c/x"], ["b/x", "d/x"], ["c/x", "d/x"]]))).toBeUndefined();
  });

  it("returns a three-product loop from its first product back to it", () => {
    expect(findProductCycle(graphOf(["a/x", "b/x", "c/x", "d/x"], [["d/x", "a/x"], ["a/x", "b/x"], ["b/x", "c/x"], ["c/x", "a/x"]]))).toEqual(["a/x", "b/x", "c/x", "a/x"]);
  });

  it("finds a loop of two products", () => {
    expect(findProductCycle(graphOf(["a/x", "b/x"], [["a/x", "b/x"], ["b/x", "a/x"]]))).toEqual(["a/x", "b/x", "a/x"]);
  });

  it("is a config error (exit 2) that prints the loop, in the file of the product that closes it", () => {
    const root = copyMesh(MINI);
    // churn already reads sales/orders; now orders reads churn's scores too.
    setYaml(root, "domains/sales/products/orders/product.yaml", ["inputs"], [{ from: "analytics/churn/churn_scores@1", fields: ["customer_key"], purpose: "order scoring by churn risk" }]);
    setYaml(root, "domains/analytics/products/churn/product.yaml", ["access"], { autoApprove: ["sales"] });
    const run = mesh(["validate", "--root", root]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("error: domains/sales/products/orders/product.yaml: inputs[0].from: products read each other in a cycle: analytics/churn → sales/orders → analytics/churn (each reads a port of the one before it); break the loop by removing one of these inputs");
  });
});

describe("mesh lineage", () => {
  it("prints upstream and downstream as text", () => {
    const run = mesh(["lineage", "sales/orders", "--root", MINI]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("sales/orders (owners owner@example.com;");
    expect(run.stdout).toContain("  port sales/orders/orders@2 (contract 2.1.0, active)");
    expect(run.stdout).toContain("upstream: none");
    expect(run.stdout).toContain("  analytics/churn reads sales/orders/orders@2 [order_id, amount, order_date]");
  });

  it("prints JSON and a Mermaid flowchart", () => {
    const json = JSON.parse(mesh(["lineage", "analytics/churn", "--root", MINI, "--format", "json"]).stdout);
    expect(json.upstream).toContainEqual(expect.objectContaining({ from: "clinic/visits/visits@1", to: "analytics/churn", approved: false }));
    const mermaid = mesh(["lineage", "analytics/churn", "--root", MINI, "--format", "mermaid"]).stdout;
    expect(mermaid.split("\n")[0]).toBe("flowchart LR");
    // Approved reads are solid arrows, pending ones dotted.
    expect(mermaid).toMatch(/n\d+ -->\|"order_id, amount, order_date"\| n\d+/);
    expect(mermaid).toMatch(/n\d+ -\.->\|"visit_id"\| n\d+/);
  });

  it("exits 2 for an unknown product, listing the products", () => {
    const run = mesh(["lineage", "sales/returns", "--root", MINI]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no product "sales\/returns" .*\(products: analytics\/churn, clinic\/visits, sales\/orders\)/);
  });

  it("is written by mesh plan to out/plan/lineage.json", () => {
    const out = mkdtempSync(join(tmpdir(), "lineage-"));
    expect(mesh(["plan", "--root", MINI, "--out", out, "--stack", "sales-dev"]).status).toBe(0);
    const graph = JSON.parse(readFileSync(join(out, "plan", "lineage.json"), "utf8")) as LineageGraph;
    expect(graph.edges).toContainEqual(expect.objectContaining({ kind: "reads", from: "sales/orders/orders@2", to: "analytics/churn" }));
  });
});
