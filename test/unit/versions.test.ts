import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDomainStack } from "../../components/src/blueprint/resolve";
import { loadMesh } from "../../components/src/config/load-mesh";
import { daysBetween, deprecationFindings, removedMajorFindings } from "../../components/src/versions/findings";
import { copyMesh, setYaml } from "../helpers/fixture";
import { configErrorOf as errorOf } from "../helpers/config-error";

// The fixture's sales/orders serves orders@2 (contract 2.1.0) and analytics/churn reads it.
const ORDERS = "domains/sales/products/orders";
const V1 = `${ORDERS}/contract.v1.odcs.yaml`;

/** A copy of the fixture where orders also serves orders@1, deprecated with these SLA dates. */
function withV1(dates: { endOfSupport?: string; endOfLife?: string } = { endOfLife: "2027-06-30" }, edit?: (root: string) => void): string {
  const root = copyMesh();
  copyFileSync(join(root, ORDERS, "contract.odcs.yaml"), join(root, V1));
  setYaml(root, V1, ["version"], "1.3.0");
  setYaml(root, V1, ["status"], "deprecated");
  let i = 2; // slaProperties holds latency and retention
  for (const [property, value] of Object.entries(dates)) setYaml(root, V1, ["slaProperties", i++], { property, value });
  edit?.(root);
  return root;
}


describe("an older major served side by side", () => {
  it("loads as a second contract of the product and resolves to its own table, prefix and deprecation", () => {
    const mesh = loadMesh(withV1({ endOfSupport: "2027-03-31", endOfLife: "2027-06-30" }));
    const orders = mesh.domains.find((d) => d.name === "sales")!.products[0]!;
    expect(orders.olderMajors.map((c) => [c.file, c.version, c.status, c.sla.endOfSupport, c.sla.endOfLife])).toEqual([
      [V1, "1.3.0", "deprecated", "2027-03-31", "2027-06-30"],
    ]);
    const ports = resolveDomainStack(mesh, "sales", "dev").products[0]!.ports;
    expect(ports.map((p) => [p.name, p.major, p.table, p.prefix, p.deprecation?.endOfLife])).toEqual([
      ["orders", 2, "orders_v2", "orders/v2/", undefined],
      ["orders", 1, "orders_v1", "orders/v1/", "2027-06-30"],
    ]);
  });

  it("lets a consumer read the older major, granted on that major's table", () => {
    const root = withV1(undefined, (r) => setYaml(r, "domains/analytics/products/churn/product.yaml", ["inputs", 0, "from"], "sales/orders/orders@1"));
    const consumers = resolveDomainStack(loadMesh(root), "sales", "dev").products[0]!.consumers;
    expect(consumers).toEqual([expect.objectContaining({ consumer: "analytics/churn", major: 1, table: "orders_v1" })]);
  });

  it.each([
    ["a status other than deprecated", (r: string) => setYaml(r, V1, ["status"], "active"), "status", /must have status: deprecated \(is active\)/],
    ["no end of life", (r: string) => setYaml(r, V1, ["slaProperties", 2], undefined), "slaProperties", /needs an end-of-life date/],
    ["a version of another major than its file name", (r: string) => setYaml(r, V1, ["version"], "3.0.0"), "version", /is 3.0.0 but the file name says major 1/],
    ["a major that is not older", (r: string) => { copyFileSync(join(r, V1), join(r, ORDERS, "contract.v2.odcs.yaml")); setYaml(r, `${ORDERS}/contract.v2.odcs.yaml`, ["version"], "2.0.0"); }, "version", /major 2 is not older than contract.odcs.yaml \(2.1.0\)/],
    ["an end of life that is not a date", (r: string) => setYaml(r, V1, ["slaProperties", 2, "value"], "next summer"), "slaProperties[2].value", /endOfLife must be a date such as 2027-06-30/],
    ["an end of support after the end of life", (r: string) => setYaml(r, V1, ["slaProperties", 3], { property: "endOfSupport", value: "2028-01-01" }), "slaProperties[3].value", /endOfSupport 2028-01-01 is after endOfLife 2027-06-30/],
  ])("refuses %s", (_what, edit, field, problem) => {
    const root = withV1(undefined, edit);
    const e = errorOf(root);
    expect(e.file).toMatch(/contract\.v[12]\.odcs\.yaml$/);
    expect(e.field).toBe(field);
    expect(e.problem).toMatch(problem);
  });
});

describe("a major removed while a consumer reads it", () => {
  // orders bumps to 3.0.0 without keeping contract.v2.odcs.yaml; churn still reads orders@2.
  const root = copyMesh();
  setYaml(root, `${ORDERS}/contract.odcs.yaml`, ["version"], "3.0.0");
  const mesh = loadMesh(root);

  it("is not the consumer's config error: the read is kept aside and nothing is granted on it", () => {
    const orders = mesh.domains.find((d) => d.name === "sales")!.products[0]!;
    expect(orders.consumers).toEqual([]);
    expect(orders.unservedReads).toEqual([expect.objectContaining({ consumerDomain: "analytics", consumerProduct: "churn", port: "orders", major: 2 })]);
    expect(resolveDomainStack(mesh, "analytics", "dev").products[0]!.inputs.map((i) => i.from)).toEqual(["clinic/visits/visits@1"]);
  });

  it("is one blocking finding owned by the producer, naming the consumer, its owner, contact and fields", () => {
    const [f, ...rest] = removedMajorFindings(mesh);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ level: "blocking", rule: "major-removed-while-read", port: "sales/orders/orders@2", owner: { product: "sales/orders" } });
    expect(f!.consumers).toEqual([{ contact: { product: "analytics/churn", owners: ["lead@example.com"], email: "analytics@example.com" }, fields: ["order_id", "amount", "order_date"] }]);
    expect(f!.message).toMatch(/^sales\/orders no longer serves orders@2 \(it serves orders@3\) but 1 declared consumer\(s\) still read it: analytics\/churn \(owners lead@example.com; contact analytics@example.com\) reads \[order_id, amount, order_date\]/);
  });
});

describe("the deprecation clock", () => {
  const root = withV1({ endOfLife: "2027-06-30" }, (r) => setYaml(r, "domains/analytics/products/churn/product.yaml", ["inputs", 0, "from"], "sales/orders/orders@1"));
  const mesh = loadMesh(root);

  it("counts calendar days, independent of time zones", () => {
    expect(daysBetween("2027-06-01", "2027-06-30")).toBe(29);
    expect(daysBetween("2027-02-28", "2027-03-01")).toBe(1);
    expect(daysBetween("2027-07-01", "2027-06-30")).toBe(-1);
  });

  it.each([
    ["a year before", "2026-06-30", "warning", /reaches its end of life on 2027-06-30 \(365 day\(s\) left\): move to orders@2/],
    ["on the day", "2027-06-30", "warning", /\(0 day\(s\) left\)/],
    ["the day after", "2027-07-01", "blocking", /reached its end of life on 2027-06-30 \(1 day\(s\) ago\)/],
  ])("%s the end of life (%s) is a %s for the consumer", (_when, today, level, message) => {
    const findings = deprecationFindings(mesh, today);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level, owner: { product: "analytics/churn" }, port: "sales/orders/orders@1" });
    expect(findings[0]!.message).toMatch(message);
  });

  it("says nothing to consumers of the current major", () => {
    expect(deprecationFindings(loadMesh(withV1()), "2030-01-01")).toEqual([]);
  });
});
