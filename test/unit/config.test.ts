import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { resolveDomainStack } from "../../components/src/blueprint/resolve";
import { MINI, setYaml, writeFile } from "../helpers/fixture";
import { configErrorAfter as errorOf } from "../helpers/config-error";


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
    ["an unknown key", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["owners"], "x"), "domains/sales/domain.yaml", "owners", /unknown key "owners"; did you mean "owner"\? \(allowed keys here: name, description, owner/],
    ["a bad account", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "dev", "account"], "1234"), "domains/sales/domain.yaml", "environments.dev.account", /12-digit AWS account/],
    ["a missing owner email", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["owner", "email"], undefined), "domains/sales/domain.yaml", "owner.email", /is required/],
    ["an unknown compliance regime", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["compliance"], ["soc9"]), "domains/sales/domain.yaml", "compliance[0]", /hipaa.*pci.*gdpr.*sox/],
    ["a region outside data residency", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "dev", "region"], "ap-southeast-2"), "domains/sales/domain.yaml", "environments.dev.region", /outside the mesh's data residency \(allowed: eu-west-1, us-east-1\)/],
    ["destroy opt-in in production", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "prod", "allowDestroy"], true), "domains/sales/domain.yaml", "environments.prod.allowDestroy", /production environments cannot opt in/],
    ["an environment mesh.yaml lacks", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["environments", "qa"], { region: "eu-west-1", account: "111111111111" }), "domains/sales/domain.yaml", "environments.qa", /not an environment of mesh.yaml \(use one of dev, prod\)/],
    ["a blueprint range this platform is not", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["blueprint"], "^2.0.0"), "domains/sales/domain.yaml", "blueprint", /accepts \^2.0.0 but the platform provides blueprint 1\./],
    ["a name that differs from the folder", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["name"], "revenue"), "domains/sales/domain.yaml", "name", /must be "sales"/],
    ["the reserved name platform", (r: string) => setYaml(r, "domains/sales/domain.yaml", ["name"], "platform"), "domains/sales/domain.yaml", "name", /reserved/],
    ["kubernetes without a cluster to pin it to", (r: string) => {
      setYaml(r, "mesh.yaml", ["environments", "prod", "eksOidcIssuer"], "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789");
      setYaml(r, "domains/sales/domain.yaml", ["environments", "prod", "kubernetes"], true);
    }, "domains/sales/domain.yaml", "environments.prod.kubernetes", /names no eksCluster \(Kubernetes resources are pinned to it\)/],
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

describe("malformed documents stay one-line config errors", () => {
  it("an unresolved YAML alias", () => {
    const e = errorOf((r) => writeFile(r, "domains/sales/domain.yaml", "name: *nowhere\n"));
    expect(e.file).toBe("domains/sales/domain.yaml");
    expect(e.problem).toMatch(/invalid YAML/);
  });

  it("a value of the wrong type is not reported as missing", () => {
    const e = errorOf((r) => setYaml(r, "domains/sales/domain.yaml", ["athenaBytesScannedCutoffGb"], "10"));
    expect([e.field, e.problem]).toEqual(["athenaBytesScannedCutoffGb", "must be number, not string"]);
  });

  it("a key with a line break cannot add lines to the output", () => {
    const e = errorOf((r) => setYaml(r, "domains/sales/domain.yaml", ["bad\nkey"], 1));
    expect(e.message).not.toContain("\n");
    expect(e.message).toContain("bad\\nkey");
  });

  it("a contract nesting properties too deep", () => {
    const file = "domains/clinic/products/visits/contract.odcs.yaml";
    let items: Record<string, unknown> = { name: "leaf", logicalType: "string" };
    for (let i = 0; i < 12; i++) items = { name: `level${i}`, logicalType: "array", items };
    const e = errorOf((r) => setYaml(r, file, ["schema", 0, "properties", 2], { name: "deep", ...items }));
    expect(e.file).toBe(file);
    expect(e.problem).toMatch(/nest deeper than 8 levels/);
  });

  it("a latency under a second", () => {
    const e = errorOf((r) => {
      setYaml(r, "domains/sales/products/orders/contract.odcs.yaml", ["slaProperties", 0, "value"], 0.4);
      setYaml(r, "domains/sales/products/orders/contract.odcs.yaml", ["slaProperties", 0, "unit"], "s");
    });
    expect(e.problem).toMatch(/latency: must be at least one second/);
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
    // An older major the producer no longer serves is the producer's blocking finding (test/unit/versions.test.ts).
    ["an input at a major not released yet", (r: string) => setYaml(r, file, ["inputs", 0, "from"], "sales/orders/orders@3"), "inputs[0].from", /serves orders@2, not @3/],
    ["an input field the port lacks", (r: string) => setYaml(r, file, ["inputs", 0, "fields", 1], "total"), "inputs[0].fields[1]", /orders has no field total/],
    ["a malformed port reference", (r: string) => setYaml(r, file, ["inputs", 0, "from"], "sales.orders"), "inputs[0].from", /domain\/product\/port@major/],
    ["an unpinned image", (r: string) => setYaml(r, file, ["pipeline", "image"], "registry.example.com/analytics/churn:latest"), "pipeline.image", /latest/],
    ["a bad cron schedule", (r: string) => setYaml(r, file, ["pipeline", "schedule"], "every hour"), "pipeline.schedule", /5-field cron/],
    ["a cron minute out of range", (r: string) => setYaml(r, file, ["pipeline", "schedule"], "61 * * * *"), "pipeline.schedule", /minute 0-59/],
    ["a cron step of zero", (r: string) => setYaml(r, file, ["pipeline", "schedule"], "*/0 * * * *"), "pipeline.schedule", /within range/],
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
    ["a key ODCS does not know", (r: string) => setYaml(r, file, ["schema", 0, "properties", 0, "colour"], "red"), "schema \"orders\" › property \"order_id\" › colour", /unknown key "colour" \(not part of ODCS v3.1.0\)/],
    ["an ODCS logical type that does not exist", (r: string) => setYaml(r, file, ["schema", 0, "properties", 2, "logicalType"], "money"), "schema \"orders\" › property \"amount\" › logicalType", /must be one of "string", "date"/],
    ["a status outside the enum", (r: string) => setYaml(r, file, ["status"], "live"), "status", /proposed, draft, active, deprecated, retired|expected one of/],
    ["another ODCS version", (r: string) => setYaml(r, file, ["apiVersion"], "v3.0.2"), "apiVersion", /must be v3.1.0/],
    ["a contract of another domain", (r: string) => setYaml(r, file, ["domain"], "finance"), "domain", /must be "sales"/],
    ["a missing classification", (r: string) => setYaml(r, file, ["customProperties", 0, "property"], "tier"), "customProperties", /classification/],
    ["a missing latency SLA", (r: string) => setYaml(r, file, ["slaProperties", 0, "property"], "frequency"), "slaProperties", /latency/],
    ["an ambiguous SLA unit", (r: string) => setYaml(r, file, ["slaProperties", 0, "unit"], "m"), "slaProperties[0]", /unit must be one of s, min, h/],
    ["PII classified too low", (r: string) => setYaml(r, file, ["schema", 0, "properties", 1, "classification"], "internal"), "schema \"orders\" › property \"customer_email\" › classification", /tagged pii must be classified at least confidential/],
    ["a field above the contract's classification", (r: string) => setYaml(r, file, ["schema", 0, "properties", 1, "classification"], "restricted"), "schema \"orders\" › property \"customer_email\" › classification", /above the contract's classification confidential/],
    ["a physical type Glue cannot hold", (r: string) => setYaml(r, file, ["schema", 0, "properties", 2, "physicalType"], "money"), "schema \"orders\" › property \"amount\"", /no Glue equivalent/],
    ["a gap in partition positions", (r: string) => setYaml(r, file, ["schema", 0, "properties", 4, "partitionKeyPosition"], 2), "schema \"orders\" › property \"order_date\" › partitionKeyPosition", /1..1 without gaps/],
    ["card data classified too low", (r: string) => {
      setYaml(r, file, ["schema", 0, "properties", 1, "tags"], ["pci"]);
      setYaml(r, file, ["schema", 0, "properties", 1, "classification"], "internal");
    }, "schema \"orders\" › property \"customer_email\" › classification", /tagged pci must be classified at least confidential/],
    ["no owner in the team", (r: string) => setYaml(r, file, ["team", "members", 0, "role"], "steward"), "team.members", /role: owner/],
  ])("%s", (_what, edit, field, problem) => {
    const e = errorOf(edit);
    expect(e.file).toBe(file);
    expect(e.field).toBe(field);
    expect(e.problem).toMatch(problem);
  });
});

describe("physical name collisions", () => {
  it("refuses products of two domains that would share a bucket and a role", () => {
    const e = errorOf((r) => {
      // sales + eu-orders and sales-eu + orders both give fx-dev-sales-eu-orders.
      cpSync(join(r, "domains/sales"), join(r, "domains/sales-eu"), { recursive: true });
      setYaml(r, "domains/sales-eu/domain.yaml", ["name"], "sales-eu");
      setYaml(r, "domains/sales-eu/products/orders/contract.odcs.yaml", ["domain"], "sales-eu");
      setYaml(r, "domains/sales-eu/products/orders/contract.odcs.yaml", ["schema", 0, "name"], "eu_orders");
      setYaml(r, "domains/sales-eu/products/orders/product.yaml", ["outputPorts"], ["eu_orders"]);
      cpSync(join(r, "domains/sales/products/orders"), join(r, "domains/sales/products/eu-orders"), { recursive: true });
      setYaml(r, "domains/sales/products/eu-orders/contract.odcs.yaml", ["dataProduct"], "eu-orders");
      setYaml(r, "domains/sales/products/eu-orders/contract.odcs.yaml", ["schema", 0, "name"], "orders_eu");
      setYaml(r, "domains/sales/products/eu-orders/product.yaml", ["outputPorts"], ["orders_eu"]);
    });
    expect(e.file).toBe("domains/sales-eu/products/orders/product.yaml");
    expect(e.field).toBe("(product folder name)");
    expect(e.problem).toBe("sales-eu/orders in dev and sales/eu-orders in dev (declared in domains/sales/products/eu-orders/product.yaml) would both be named fx-dev-sales-eu-orders (S3 bucket, unique across all of AWS); rename one of them");
  });

  it("refuses a product named like its domain's query-results bucket", () => {
    const e = errorOf((r) => {
      cpSync(join(r, "domains/sales/products/orders"), join(r, "domains/sales/products/query-results"), { recursive: true });
      setYaml(r, "domains/sales/products/query-results/contract.odcs.yaml", ["dataProduct"], "query-results");
      setYaml(r, "domains/sales/products/query-results/contract.odcs.yaml", ["schema", 0, "name"], "results");
      setYaml(r, "domains/sales/products/query-results/product.yaml", ["outputPorts"], ["results"]);
    });
    expect([e.file, e.field]).toEqual(["domains/sales/products/query-results/product.yaml", "(product folder name)"]);
    expect(e.problem).toMatch(/^sales\/query-results in dev and query results of domain sales in dev \(declared in domains\/sales\/domain.yaml\) would both be named fx-dev-sales-query-results \(S3 bucket, unique across all of AWS\)/);
  });

  it("refuses two inputs on one port", () => {
    const e = errorOf((r) => setYaml(r, "domains/analytics/products/churn/product.yaml", ["inputs", 1], { from: "sales/orders/orders@2", fields: ["placed_at"], purpose: "a second read of the same port" }));
    expect([e.file, e.field]).toEqual(["domains/analytics/products/churn/product.yaml", "inputs[1].from"]);
    expect(e.problem).toMatch(/sales\/orders\/orders is already an input of this product/);
  });

  it("refuses two products whose ports map to one Glue table", () => {
    const e = errorOf((r) => {
      cpSync(join(r, "domains/sales/products/orders"), join(r, "domains/sales/products/orders-eu"), { recursive: true });
      setYaml(r, "domains/sales/products/orders-eu/contract.odcs.yaml", ["dataProduct"], "orders-eu");
    });
    expect(e.file).toBe("domains/sales/products/orders-eu/product.yaml");
    expect(e.field).toBe("outputPorts[0]");
    expect(e.problem).toBe("sales/orders-eu/orders in dev and sales/orders/orders in dev (declared in domains/sales/products/orders/product.yaml) would both be named orders_v2 (Glue table, unique in Glue database fx_dev_sales (account 111111111111 eu-west-1)); rename one of them");
  });
});
