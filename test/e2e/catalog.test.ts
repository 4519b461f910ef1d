import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { mesh } from "../helpers/cli";
import { copyMesh, MINI, REPO, setYaml } from "../helpers/fixture";
import { sharedPlan } from "../helpers/shared-plan";
import { searchCommand, showCommand } from "../../cli/src/commands/discover";

const manifest = (out: string, stack: string) => JSON.parse(readFileSync(join(out, "plan", `${stack}.json`), "utf8")) as StackManifest;

describe("mesh plan writes the catalog site with the plan's costs and findings", () => {
  // Read only: a plan of the fixture that other files may read too.
  let run: ReturnType<typeof sharedPlan>;
  let out: string;
  beforeAll(() => {
    run = sharedPlan(["--root", MINI]);
    out = run.out;
  }, 180_000);

  it("writes a home, a page per domain and a page per product", () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Catalog: ${join(out, "catalog", "index.html")}`);
    // The fixture: domains analytics, clinic, sales with products churn, visits, orders.
    for (const page of ["index.html", "domains/analytics.html", "domains/clinic.html", "domains/sales.html", "products/sales/orders.html", "products/clinic/visits.html", "products/analytics/churn.html"]) {
      expect(existsSync(join(out, "catalog", page)), page).toBe(true);
    }
  });

  it("shows each product's fixed monthly cost from the plan, per environment", () => {
    const summary = JSON.parse(readFileSync(join(out, "plan", "summary.json"), "utf8")) as { stacks: { stack: string; cost: { products: Record<string, number> } }[] };
    const usd = summary.stacks.find((s) => s.stack === "sales-prod")!.cost.products.orders!;
    expect(usd).toBeGreaterThan(0);
    const page = readFileSync(join(out, "catalog", "products", "sales", "orders.html"), "utf8");
    expect(page).toContain(`<tr><td>prod</td><td>$${usd.toFixed(2)}</td></tr>`);
  });

  it("lists the domain's governance findings of the plan", () => {
    const findings = manifest(out, "sales-dev").findings ?? [];
    const page = readFileSync(join(out, "catalog", "domains", "sales.html"), "utf8");
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(page).toContain(f.rule);
  });

  it("saves each product's usage queries in its domain workgroup, parented to the product, over the platform's evidence tables", () => {
    const m = manifest(out, "sales-dev");
    const queries = m.resources.filter((r) => r.type === "aws:athena/namedQuery:NamedQuery");
    const product = m.resources.find((r) => r.type === "mesh:blueprint:DataProduct" && r.inputs.product === "orders")!;
    const workgroup = m.resources.find((r) => r.type === "aws:athena/workgroup:Workgroup")!;
    expect(queries.map((q) => q.inputs.name).sort()).toEqual(["fx-dev-sales-orders-usage-by-consumer", "fx-dev-sales-orders-usage-cloudtrail", "fx-dev-sales-orders-usage-daily"]);
    for (const q of queries) {
      expect(q.parent).toBe(product.urn);
      expect(q.inputs.workgroup).toBe(workgroup.inputs.name);
      expect(q.inputs.database).toBe("fx_dev_platform");
      expect(q.inputs.query).toContain("fx-dev-sales-orders");
    }
    const byConsumer = queries.find((q) => String(q.inputs.name).endsWith("by-consumer"))!;
    // analytics/churn reads sales/orders: its role is fx-dev-analytics-churn (docs/consumers.md: <prefix>-<env>-<domain>-<product>).
    expect(byConsumer.inputs.query).toContain("WHEN requester LIKE '%:assumed-role/fx-dev-analytics-churn/%' THEN 'analytics/churn'");
    expect(byConsumer.inputs.query).toContain("FROM \"fx_dev_platform\".\"s3_access_logs_111111111111_eu_west_1\"");
    expect(byConsumer.inputs.query).toContain("WHERE target_bucket = 'fx-dev-sales-orders'");
  });

  it("declares the evidence tables in the platform stack: a table over the access-log bucket, one over the trail", () => {
    const m = manifest(out, "platform-dev");
    const tables = m.resources.filter((r) => r.type === "aws:glue/catalogTable:CatalogTable");
    const logs = tables.find((t) => t.inputs.name === "s3_access_logs_111111111111_eu_west_1")!;
    // Product buckets log to s3://<access-log bucket>/<bucket>/ (their BucketLogging targetPrefix).
    const logging = manifest(out, "sales-dev").resources.find((r) => r.type === "aws:s3/bucketLogging:BucketLogging" && r.inputs.targetPrefix === "fx-dev-sales-orders/")!;
    expect((logs.inputs.parameters as Record<string, string>)["storage.location.template"]).toBe(`s3://${logging.inputs.targetBucket}/\${target_bucket}/`);
    expect(logs.inputs.databaseName).toBe("fx_dev_platform");
    const trail = m.resources.find((r) => r.type === "aws:cloudtrail/trail:Trail")!;
    const ct = tables.find((t) => t.inputs.name === "cloudtrail_events")!;
    expect((ct.inputs.parameters as Record<string, string>)["storage.location.template"]).toBe(`s3://${trail.inputs.s3BucketName}/${trail.inputs.s3KeyPrefix}/AWSLogs/\${account}/CloudTrail/\${region}/\${day}`);
    for (const t of [logs, ct]) expect(t.protect).toBe(true);
  });

  it("the product page links the usage queries next to the declared consumers", () => {
    const page = readFileSync(join(out, "catalog", "products", "sales", "orders.html"), "utf8");
    expect(page).toContain("<code>fx-dev-sales-orders-usage-by-consumer</code>");
    expect(page).toMatch(/Declared consumers, to compare with what the queries show: <a href="..\/analytics\/churn.html">analytics\/churn<\/a>/);
  });
});

describe("mesh search and mesh show answer from the catalog's index", () => {
  // In-process (the commands' own functions) to keep the suite fast; exit codes are checked through the binary below.
  const out = mkdtempSync(join(tmpdir(), "catalog-search-"));
  const search = (...words: string[]) => JSON.parse(searchCommand({ root: REPO, out, words, json: true, limit: 10 })) as { id: string; matched: Record<string, string[]> }[];

  it("finds a product by a misspelt field name, ranked first, as JSON", () => {
    const hits = search("marketing_consnt");
    expect(hits[0]!.id).toBe("customers/customer-profile");
    expect(hits[0]!.matched.consent).toContain("fields");
  });

  it("finds by owner and by prefix", () => {
    // Amira Haddad owns two products of the example (customer-profile and identity-verification contracts' team).
    expect(search("amira").slice(0, 2).map((r) => r.id).sort()).toEqual(["customers/customer-profile", "customers/identity-verification"]);
    expect(search("recommend")[0]!.id).toBe("recommendations/product-recommendations");
  });

  it("says so when nothing matches", () => {
    expect(searchCommand({ root: REPO, out, words: ["zzzzqqqq"], json: false, limit: 10 })).toBe('No product matches "zzzzqqqq".');
  });

  it("shows a product with its schema, consumers and the access snippet", () => {
    const text = showCommand({ root: REPO, out, id: "customers/customer-profile", json: false });
    expect(text).toMatch(/email\s+string\s+confidential PII/);
    expect(text).toContain("Consumers: orders/fraud-screening reads customers@1 (customer_id, segment); orders/order-events reads customers@1 (customer_id, segment)");
    expect(text).toContain("  - from: customers/customer-profile/customers@1");
    const json = JSON.parse(showCommand({ root: REPO, out, id: "customers/customer-profile", json: true })) as { owners: string[]; consumers: { consumer: string }[] };
    expect(json.owners).toEqual(["amira.haddad@shopwave.example"]);
    expect(json.consumers.map((c) => c.consumer).sort()).toEqual(["orders/fraud-screening", "orders/order-events", "recommendations/product-recommendations"]);
  });

  it("mesh search through the binary: JSON hits, exit 0", () => {
    const run = mesh(["search", "lifetime", "value", "--json"]);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string }[])[0]!.id).toBe("customers/customer-profile");
  });

  it("an unknown product is exit 2 with a suggestion, no stack trace", () => {
    const run = mesh(["show", "customers/customer-profil"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: no product customers\/customer-profil in .* did you mean customers\/customer-profile/);
  });
});

describe("mesh catalog on bad input", () => {
  it("exits 2 naming the file and field, and writes nothing", () => {
    const root = copyMesh();
    setYaml(root, "domains/sales/products/orders/product.yaml", ["outputPorts"], ["nope"]);
    const out = mkdtempSync(join(tmpdir(), "catalog-bad-"));
    const run = mesh(["catalog", "--root", root, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: domains\/sales\/products\/orders\/product.yaml: outputPorts\[0\]/);
    expect(existsSync(join(out, "catalog"))).toBe(false);
  });

  it("escapes what a product file says: markup in a description is text, not HTML", () => {
    const root = copyMesh();
    setYaml(root, "domains/sales/products/orders/product.yaml", ["description"], "Orders <script>alert(1)</script> & <img src=x onerror=alert(2)>");
    const out = mkdtempSync(join(tmpdir(), "catalog-escape-"));
    expect(mesh(["catalog", "--root", root, "--out", out]).status).toBe(0);
    const page = readFileSync(join(out, "catalog", "products", "sales", "orders.html"), "utf8");
    expect(page).toContain("Orders &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;");
    expect(page).not.toContain("<script>alert(1)");
    const home = readFileSync(join(out, "catalog", "index.html"), "utf8");
    expect(home).not.toContain("<script>alert(1)");
  });
});

describe("the catalog shows every major a product serves (investment-bank: trade-executions serves executions@1 and @2)", () => {
  const root = join(REPO, "examples", "investment-bank");
  const dir = join(root, "domains", "trading", "products", "trade-executions");
  const out = mkdtempSync(join(tmpdir(), "catalog-majors-"));
  let run: ReturnType<typeof mesh>;
  let page: string;
  const row = (portAtMajor: string) => page.match(new RegExp(`<tr data-port="${portAtMajor}">(.*?)</tr>`))?.[1] ?? "";
  // The example's own files, not the catalog, say what each major is and who reads it.
  const sla = (file: string) => Object.fromEntries((parse(readFileSync(join(dir, file), "utf8")) as { slaProperties: { property: string; value: unknown }[] }).slaProperties.map((p) => [p.property, String(p.value)]));
  const v1 = parse(readFileSync(join(dir, "contract.v1.odcs.yaml"), "utf8")) as { version: string; status: string };
  const current = parse(readFileSync(join(dir, "contract.odcs.yaml"), "utf8")) as { version: string; status: string };
  beforeAll(() => {
    run = mesh(["catalog", "--root", root, "--out", out]);
    page = readFileSync(join(out, "catalog", "products", "trading", "trade-executions.html"), "utf8");
  }, 120_000);

  it("lists both majors of the port, the older one deprecated with its end-of-support and end-of-life dates", () => {
    expect(run.status).toBe(0);
    expect(v1.status).toBe("deprecated");
    const { endOfSupport, endOfLife } = sla("contract.v1.odcs.yaml");
    expect(endOfLife).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row("executions@1")).toContain(`<td>${v1.version} `);
    expect(row("executions@1")).toContain('<span class="badge badge-status-deprecated">deprecated</span>');
    expect(row("executions@1")).toContain(`<td>${endOfSupport}</td><td>${endOfLife}</td>`);
    expect(row("executions@1")).toContain("<code>executions_v1</code>");
    expect(row("executions@2")).toContain(`<td>${current.version} `);
    expect(row("executions@2")).toContain(`<span class="badge badge-status-${current.status}">${current.status}</span>`);
  });

  it("shows each consumer under the major it reads", () => {
    // regulatory-reporting/transaction-reports declares executions@1; positions/positions declares executions@2.
    const reads = (consumer: string) => (parse(readFileSync(join(root, "domains", ...consumer.split("/").flatMap((x, i) => (i === 0 ? [x, "products"] : [x])), "product.yaml"), "utf8")) as { inputs: { from: string }[] }).inputs.map((i) => i.from);
    expect(reads("regulatory-reporting/transaction-reports")).toContain("trading/trade-executions/executions@1");
    expect(reads("positions/positions")).toContain("trading/trade-executions/executions@2");
    expect(row("executions@1")).toContain(">regulatory-reporting/transaction-reports</a>");
    expect(row("executions@1")).not.toContain("positions/positions");
    expect(row("executions@2")).toContain(">positions/positions</a>");
    expect(row("executions@2")).not.toContain("transaction-reports");
  });

  it("draws the consumer of the deprecated major in the lineage, and files the product under the deprecated status facet", () => {
    expect(page).toContain("regulatory-reporting/transaction-reports reads executions@1 of trading/trade-executions");
    expect(page).toContain("positions/positions reads executions@2 of trading/trade-executions");
    const home = readFileSync(join(out, "catalog", "index.html"), "utf8");
    const item = home.match(/<li data-id="trading\/trade-executions"[^>]*>/)?.[0] ?? "";
    expect(item).toMatch(/data-status="[^"]*\bdeprecated\b/);
    expect(item).toMatch(new RegExp(`data-status="[^"]*\\b${current.status}\\b`));
    expect(home).toContain('<input type="checkbox" name="status" value="deprecated">');
  });
});
