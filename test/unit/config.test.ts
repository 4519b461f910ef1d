import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../components/src/config/errors";
import { loadMesh } from "../../components/src/config/load-mesh";
import { resolveDomainStack } from "../../components/src/blueprint/resolve";
import { copyMesh, MINI, setYaml, writeFile } from "../helpers/fixture";

/** Loads a broken copy of the fixture mesh and returns the ConfigError it must raise. */
function errorOf(edit: (root: string) => void): ConfigError {
  const root = copyMesh();
  edit(root);
  try {
    loadMesh(root);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw new Error(`expected a ConfigError, got ${(e as Error).name}: ${(e as Error).message}`);
  }
  throw new Error("expected a ConfigError, but the mesh loaded");
}

describe("the fixture mesh", () => {
  it("loads, with products, ports, SLAs and grants resolved", () => {
    const mesh = loadMesh(MINI);
    expect(mesh.domains.map((d) => d.name)).toEqual(["analytics", "clinic", "sales"]);
    const orders = mesh.domains.find((d) => d.name === "sales")!.products[0]!;
    expect(orders.contract.major).toBe(2);
    expect(orders.contract.sla).toEqual({ latencySeconds: 3600, frequencySeconds: 3600, retentionDays: 400, availabilityPercent: undefined });
    expect(orders.contract.ports.orders!.partitionKeys.map((c) => c.name)).toEqual(["order_date"]);
    expect(orders.contract.ports.orders!.containsPii).toBe(true);
    expect(orders.consumers).toEqual([expect.objectContaining({ consumerDomain: "analytics", consumerProduct: "churn", port: "orders", major: 2, approvedVia: "autoApprove" })]);
    const visits = mesh.domains.find((d) => d.name === "clinic")!.products[0]!;
    expect(visits.consumers).toEqual([expect.objectContaining({ consumerDomain: "analytics", approvedVia: undefined })]);
  });

  it("resolves a domain stack with consumer role ARNs and pending requests", () => {
    const mesh = loadMesh(MINI);
    const sales = resolveDomainStack(mesh, "sales", "dev");
    expect(sales.products[0]!.consumers).toEqual([
      expect.objectContaining({ consumer: "analytics/churn", roleArn: "arn:aws:iam::111111111111:role/fx-dev-analytics-churn", table: "orders_v2", fields: ["order_id", "amount", "order_date"] }),
    ]);
    const clinic = resolveDomainStack(mesh, "clinic", "dev");
    expect(clinic.products[0]!.pendingConsumers).toEqual(["analytics/churn → visits@1"]);
    const analytics = resolveDomainStack(mesh, "analytics", "dev");
    expect(analytics.products[0]!.inputs.map((i) => [i.from, i.approved])).toEqual([["sales/orders/orders@2", true], ["clinic/visits/visits@1", false]]);
    // Classification and PHI follow the fields read: visit_id is restricted (the contract's default) but not PHI.
    expect(analytics.products[0]!.inputs.map((i) => [i.classification, i.containsPhi])).toEqual([["confidential", false], ["restricted", false]]);
  });
});

describe("domain.yaml errors name the file, the field and what is valid", () => {
  it.each([
    ["an unknown key", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["owners"], "x"), "domains/sales/domain.yaml", "owners", /unknown key "owners"; allowed keys here: name, description, owner/],
    ["a bad account", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "dev", "account"], "1234"), "domains/sales/domain.yaml", "environments.dev.account", /12-digit AWS account/],
    ["a missing owner email", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["owner", "email"], undefined), "domains/sales/domain.yaml", "owner.email", /is required/],
    ["an unknown compliance regime", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["compliance"], ["soc9"]), "domains/sales/domain.yaml", "compliance[0]", /hipaa.*pci.*gdpr.*sox/],
    ["a region outside data residency", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "dev", "region"], "ap-southeast-2"), "domains/sales/domain.yaml", "environments.dev.region", /outside the mesh's data residency \(allowed: eu-west-1, us-east-1\)/],
    ["destroy opt-in in production", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "prod", "allowDestroy"], true), "domains/sales/domain.yaml", "environments.prod.allowDestroy", /production environments cannot opt in/],
    ["an environment mesh.yaml lacks", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "qa"], { region: "eu-west-1", account: "111111111111" }), "domains/sales/domain.yaml", "environments.qa", /not an environment of mesh.yaml \(use one of dev, prod\)/],
    ["a blueprint range this platform is not", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["blueprint"], "^2.0.0"), "domains/sales/domain.yaml", "blueprint", /accepts \^2.0.0 but the platform provides blueprint 1\./],
    ["a name that differs from the folder", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["name"], "revenue"), "domains/sales/domain.yaml", "name", /must be "sales"/],
    ["the reserved name platform", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["name"], "platform"), "domains/sales/domain.yaml", "name", /reserved/],
    ["kubernetes without an OIDC issuer", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "prod", "kubernetes"], true), "domains/sales/domain.yaml", "environments.prod.kubernetes", /no eksOidcIssuer/],
  ])("%s", (_what, edit, file, field, problem) => {
    const e = errorOf(edit);
    expect(e.file).toBe(file);
    expect(e.field).toBe(field);
    expect(e.problem).toMatch(problem);
    expect(e.message).not.toContain("\n");
  });

  it("reports YAML syntax errors with the line", () => {
    const e = errorOf((r) => writeFile(r, "domains/sales/domain.yaml", "name: sales\nowner: { team: x\n"));
    expect(e.file).toBe("domains/sales/domain.yaml");
    expect(e.field).toMatch(/^line \d+, column \d+$/);
    expect(e.problem).toMatch(/invalid YAML/);
  });
});

describe("mesh.yaml errors", () => {
  it.each(["aws", "sthree"])("refuses the prefix %s, which makes names AWS reserves", (prefix) => {
    const e = errorOf((r) => setYaml(r, "mesh.yaml", ["prefix"], prefix));
    expect([e.file, e.field]).toEqual(["mesh.yaml", "prefix"]);
    expect(e.problem).toMatch(/is reserved by AWS/);
  });
});

describe("product.yaml errors", () => {
  const file = "domains/analytics/products/churn/product.yaml";
  it.each([
    ["a port the contract lacks", (r: string) => setYaml(r, file, ["outputPorts"], ["scores"]), "outputPorts[0]", /"scores" is not a schema object of contract.odcs.yaml \(it has: churn_scores\)/],
    ["an input from an unknown product", (r: string) => setYaml(r, file, ["inputs", 0, "from"], "sales/returns/returns@1"), "inputs[0].from", /no product sales\/returns/],
    ["an input at the wrong major version", (r: string) => setYaml(r, file, ["inputs", 0, "from"], "sales/orders/orders@1"), "inputs[0].from", /serves orders@2, not @1/],
    ["an input field the port lacks", (r: string) => setYaml(r, file, ["inputs", 0, "fields", 1], "total"), "inputs[0].fields[1]", /orders has no field total/],
    ["a malformed port reference", (r: string) => setYaml(r, file, ["inputs", 0, "from"], "sales.orders"), "inputs[0].from", /domain\/product\/port@major/],
    ["an unpinned image", (r: string) => setYaml(r, file, ["pipeline", "image"], "registry.example.com/analytics/churn:latest"), "pipeline.image", /latest/],
    ["a bad cron schedule", (r: string) => setYaml(r, file, ["pipeline", "schedule"], "every hour"), "pipeline.schedule", /5-field cron/],
    ["governance bounds on overrides", (r: string) => setYaml(r, file, ["overrides"], { noncurrentVersionDays: 1 }), "overrides.noncurrentVersionDays", /7/],
  ])("%s", (_what, edit, field, problem) => {
    const e = errorOf(edit);
    expect(e.file).toBe(file);
    expect(e.field).toBe(field);
    expect(e.problem).toMatch(problem);
  });
});

describe("contract.odcs.yaml errors", () => {
  const file = "domains/sales/products/orders/contract.odcs.yaml";
  it.each([
    ["a key ODCS does not know", (r: string) => setYaml(r, file, ["schema", 0, "properties", 0, "colour"], "red"), "schema[0].properties[0].colour", /unknown key "colour" \(not part of ODCS v3.1.0\)/],
    ["an ODCS logical type that does not exist", (r: string) => setYaml(r, file, ["schema", 0, "properties", 2, "logicalType"], "money"), "schema[0].properties[2].logicalType", /must be one of "string", "date"/],
    ["a status outside the enum", (r: string) => setYaml(r, file, ["status"], "live"), "status", /proposed, draft, active, deprecated, retired|expected one of/],
    ["another ODCS version", (r: string) => setYaml(r, file, ["apiVersion"], "v3.0.2"), "apiVersion", /must be v3.1.0/],
    ["a contract of another domain", (r: string) => setYaml(r, file, ["domain"], "finance"), "domain", /must be "sales"/],
    ["a missing classification", (r: string) => setYaml(r, file, ["customProperties", 0, "property"], "tier"), "customProperties", /classification/],
    ["a missing latency SLA", (r: string) => setYaml(r, file, ["slaProperties", 0, "property"], "frequency"), "slaProperties", /latency/],
    ["an ambiguous SLA unit", (r: string) => setYaml(r, file, ["slaProperties", 0, "unit"], "m"), "slaProperties[0]", /unit must be one of s, min, h/],
    ["PII classified too low", (r: string) => setYaml(r, file, ["schema", 0, "properties", 1, "classification"], "internal"), "schema[0].properties[1].classification", /tagged pii must be classified at least confidential/],
    ["a field above the contract's classification", (r: string) => setYaml(r, file, ["schema", 0, "properties", 1, "classification"], "restricted"), "schema[0].properties[1].classification", /above the contract's classification confidential/],
    ["a physical type Glue cannot hold", (r: string) => setYaml(r, file, ["schema", 0, "properties", 2, "physicalType"], "money"), "schema[0].properties[2]", /no Glue equivalent/],
    ["a gap in partition positions", (r: string) => setYaml(r, file, ["schema", 0, "properties", 4, "partitionKeyPosition"], 2), "schema[0].properties[4].partitionKeyPosition", /1..1 without gaps/],
    ["card data classified too low", (r: string) => {
      setYaml(r, file, ["schema", 0, "properties", 1, "tags"], ["pci"]);
      setYaml(r, file, ["schema", 0, "properties", 1, "classification"], "internal");
    }, "schema[0].properties[1].classification", /tagged pci must be classified at least confidential/],
    ["no owner in the team", (r: string) => setYaml(r, file, ["team", "members", 0, "role"], "steward"), "team.members", /role: owner/],
  ])("%s", (_what, edit, field, problem) => {
    const e = errorOf(edit);
    expect(e.file).toBe(file);
    expect(e.field).toBe(field);
    expect(e.problem).toMatch(problem);
  });
});

describe("physical name collisions", () => {
  it("refuses two products whose ports map to one Glue table", () => {
    const e = errorOf((r) => {
      cpSync(join(r, "domains/sales/products/orders"), join(r, "domains/sales/products/orders-eu"), { recursive: true });
      setYaml(r, "domains/sales/products/orders-eu/contract.odcs.yaml", ["dataProduct"], "orders-eu");
    });
    expect(e.file).toBe("domains/sales/products/orders-eu/product.yaml");
    expect(e.field).toBe("outputPorts[0]");
    expect(e.problem).toBe("orders-eu/orders and orders/orders would both be named orders_v2 (Glue table); rename one of them");
  });
});
