import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { mesh } from "../helpers/cli";
import { copyMesh, REPO } from "../helpers/fixture";

/** Every file under a mesh root with its content: "nothing written" means this does not change. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full)] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return out;
}

const DOMAIN_FLAGS = ["--description", "Invoices and payments of every order", "--team", "billing", "--email", "billing@example.com", "--cost-center", "CC-2001"];
const PRODUCT_FLAGS = ["--description", "Every invoice issued, one row per invoice", "--image", "registry.example.com/billing/invoices:1.0.0", "--columns", "invoice_id,customer_id,amount:number,issued_at:timestamp"];

function manifest(root: string, stack: string): StackManifest {
  return JSON.parse(readFileSync(join(root, "out", "plan", `${stack}.json`), "utf8")) as StackManifest;
}

describe("mesh new: scaffolding that plans at once", () => {
  it("scaffolds a domain and a product with flags only, and the new stacks plan", () => {
    const root = copyMesh();
    const d = mesh(["new", "domain", "billing", "--root", root, ...DOMAIN_FLAGS]);
    expect(d.stderr).toBe("");
    expect(d.status).toBe(0);
    // One stack file per environment of the fixture's mesh.yaml (dev and prod).
    expect(readdirSync(join(root, "stacks")).filter((f) => f.includes("billing")).sort()).toEqual(["Pulumi.billing-dev.yaml", "Pulumi.billing-prod.yaml"]);
    const p = mesh(["new", "product", "billing", "invoices", "--root", root, ...PRODUCT_FLAGS]);
    expect(p.stderr).toBe("");
    expect(p.status).toBe(0);
    expect(p.stdout).toContain("billing/invoices/invoices@1");
    const contract = readFileSync(join(root, "domains/billing/products/invoices/contract.odcs.yaml"), "utf8");
    // The product page's fields are in the template: documented where they are not filled in.
    for (const field of ["purpose:", "# usage:", "# limitations:", "tags:", "status: draft", "version: 1.0.0", "team:", "role: owner", "support:", "slaProperties:", "property: classification"]) expect(contract).toContain(field);

    const plan = mesh(["plan", "--root", root, "--out", join(root, "out"), "--stack", "billing-dev", "billing-prod"]);
    expect(plan.stderr).toBe("");
    expect(plan.status).toBe(0);
    const m = manifest(root, "billing-dev");
    const table = m.resources.find((r) => r.type === "aws:glue/catalogTable:CatalogTable" && r.name.includes("invoices"));
    expect(table).toBeDefined();
    const columns = (table!.inputs as { storageDescriptor: { columns: { name: string; type: string }[] } }).storageDescriptor.columns;
    // ODCS logical types as Glue types: number → double, timestamp → timestamp (see glue-types.ts and the ODCS spec).
    expect(columns.map((c) => [c.name, c.type])).toEqual([["invoice_id", "string"], ["customer_id", "string"], ["amount", "double"], ["issued_at", "timestamp"]]);
    // The account comes from mesh.yaml's environment (the fixture's prod is 222222222222).
    const provider = manifest(root, "billing-prod").resources.find((r) => r.type === "pulumi:providers:aws")!;
    expect(JSON.parse(String(provider.inputs.allowedAccountIds))).toEqual(["222222222222"]);
  });

  it("a new product read by one consumer: product, input with approval, plan — grants on both sides", () => {
    const root = copyMesh();
    const consumerFile = join(root, "domains/analytics/products/churn/product.yaml");
    writeFileSync(consumerFile, `# Owned by the analytics team: keep this comment.\n${readFileSync(consumerFile, "utf8")}`);
    expect(mesh(["new", "product", "sales", "invoices", "--root", root, ...PRODUCT_FLAGS]).status).toBe(0);
    const input = mesh(["new", "input", "analytics/churn", "sales/invoices/invoices@1", "--root", root, "--fields", "invoice_id,amount", "--purpose", "Revenue per customer for churn scoring", "--approve", "--approved-by", "owner@example.com", "--ticket", "PRIV-1"]);
    expect(input.stderr).toBe("");
    expect(input.status).toBe(0);
    expect(readFileSync(consumerFile, "utf8")).toContain("# Owned by the analytics team: keep this comment.");
    const producerText = readFileSync(join(root, "domains/sales/products/invoices/product.yaml"), "utf8");
    expect(producerText).toMatch(/approvals:\n {4}- consumer: analytics\/churn\n {6}approvedBy: owner@example.com\n {6}date: \d{4}-\d\d-\d\d\n {6}ticket: PRIV-1/);
    expect(producerText).toContain("# Consumers granted after an explicit approval"); // comments kept

    const plan = mesh(["plan", "--root", root, "--out", join(root, "out"), "--stack", "sales-dev", "analytics-dev"]);
    expect(plan.stderr).toBe("");
    expect(plan.status).toBe(0);
    // Producer side: a column-level Lake Formation grant to the consumer's role, for exactly the fields read.
    const grant = manifest(root, "sales-dev").resources.find((r) => r.type === "aws:lakeformation/permissions:Permissions" && JSON.stringify(r.inputs).includes("analytics-churn") && JSON.stringify(r.inputs).includes("invoices"));
    expect(grant?.inputs).toMatchObject({ permissions: ["SELECT"], principal: "arn:aws:iam::111111111111:role/fx-dev-analytics-churn", tableWithColumns: { columnNames: ["invoice_id", "amount"] } });
    // Consumer side: the consumer's role policy names the producer's table.
    const policy = manifest(root, "analytics-dev").resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "analytics-churn-producer-policy");
    expect(JSON.stringify(policy?.inputs)).toContain("invoices_v1");
  });

  it("without --approve prints the approval the producer must add, and the input stays pending", () => {
    const root = copyMesh();
    expect(mesh(["new", "product", "sales", "invoices", "--root", root, ...PRODUCT_FLAGS]).status).toBe(0);
    const run = mesh(["new", "input", "analytics/churn", "sales/invoices/invoices@1", "--root", root, "--fields", "invoice_id", "--purpose", "Revenue per customer for churn scoring"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("adds to domains/sales/products/invoices/product.yaml under access.approvals:\n  - consumer: analytics/churn\n    approvedBy: <approver's email>");
    expect(readFileSync(join(root, "domains/sales/products/invoices/product.yaml"), "utf8")).toContain("approvals: []");
    const validate = mesh(["validate", "--root", root]);
    expect(validate.stdout).toContain("pending access request (no grant until approved): sales-dev: sales/invoices: analytics/churn");
  });

  it("refuses bad names, unknown domains, existing files and invalid values with exit 2 and nothing written", () => {
    const root = copyMesh();
    const before = snapshot(root);
    const cases: [string[], RegExp][] = [
      [["new", "domain", "Bad_Name", ...DOMAIN_FLAGS], /domain name "Bad_Name" is not valid/],
      [["new", "domain", "../escape", ...DOMAIN_FLAGS], /domain name "\.\.\/escape" is not valid/],
      [["new", "domain", "platform", ...DOMAIN_FLAGS], /reserved for the platform stack/],
      [["new", "domain", "sales", ...DOMAIN_FLAGS], /domains\/sales\/domain\.yaml, stacks\/Pulumi\.sales-dev\.yaml, stacks\/Pulumi\.sales-prod\.yaml already exist/],
      [["new", "domain", "billing", ...DOMAIN_FLAGS.slice(0, 4), "--email", "not-an-email", "--cost-center", "cc 1"], /--email "not-an-email": must be an email address[\s\S]*--cost-center "cc 1": must be 2-20 uppercase/],
      [["new", "domain", "billing", ...DOMAIN_FLAGS, "--environments", "dev,staging"], /--environments "dev,staging": .*must be environments of mesh\.yaml: dev, prod/],
      [["new", "product", "nowhere", "invoices", ...PRODUCT_FLAGS], /no domain nowhere .*domains: analytics, clinic, sales.*mesh new domain nowhere/],
      [["new", "product", "sales", "orders", ...PRODUCT_FLAGS], /domains\/sales\/products\/orders\/product\.yaml, domains\/sales\/products\/orders\/contract\.odcs\.yaml already exist/],
      [["new", "product", "sales", "Invoices", ...PRODUCT_FLAGS], /product name "Invoices" is not valid/],
      [["new", "product", "sales", "invoices", ...PRODUCT_FLAGS, "--image", "registry.example.com/x:latest"], /--image .*must not use the mutable :latest tag/],
      [["new", "product", "sales", "invoices", ...PRODUCT_FLAGS, "--columns", "id:money"], /--columns "id:money": .*types are string/],
      [["new", "input", "analytics/churn", "sales/orders/orders@2", "--fields", "order_id", "--purpose", "already read by churn today"], /already reads sales\/orders\/orders/],
      [["new", "input", "analytics/churn", "sales/nothing/x@1", "--fields", "a", "--purpose", "reading a product that is not there"], /no producer product sales\/nothing/],
      // Whole-mesh checks run on the result before writing: a field the port does not have.
      [["new", "input", "sales/orders", "analytics/churn/churn_scores@1", "--fields", "nope", "--purpose", "a field that is not in the port"], /domains\/sales\/products\/orders\/product\.yaml: inputs\[0\]\.fields\[0\]: churn_scores has no field nope/],
    ];
    for (const [args, message] of cases) {
      const run = mesh([...args, "--root", root]);
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
    expect(snapshot(root)).toEqual(before);
  });

  it("without a terminal names every missing flag instead of prompting", () => {
    const root = copyMesh();
    const run = mesh(["new", "domain", "billing", "--root", root, "--team", "billing"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("error: missing --description, --email, --cost-center (no terminal to ask on: pass them as flags; see --help)\n");
  });
});

describe("mesh new on a terminal", () => {
  it("asks for every missing value under a pseudo-terminal, re-asks an invalid one, and writes a domain that validates", () => {
    const root = copyMesh();
    const steps: [string, string][] = [
      ["What the domain covers", "Invoices and payments of every order\r"],
      ["Owning team", "billing\r"],
      ["Team email", "not-an-email\r"],
      ["must be an email address", "\u0015billing@example.com\r"], // the prompt re-asks; Ctrl-U clears the line
      ["Slack channel", "#billing-data\r"],
      ["Cost centre", "CC-2001\r"],
      ["Compliance regimes", "gdpr\r"],
      ["Environments", "\r"],
      ["AWS account per environment", "\r"],
      ["AWS region", "\r"],
    ];
    const spec = { argv: [process.execPath, join(REPO, "cli", "bin", "mesh.js"), "new", "domain", "billing", "--root", root], cwd: root, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TERM: "xterm" }, steps };
    const r = spawnSync("python3", [join(REPO, "test", "helpers", "pty-drive.py"), JSON.stringify(spec)], { encoding: "utf8", timeout: 120_000 });
    const result = JSON.parse(r.stdout) as { status: number; output: string; unmatched: string | null };
    expect(result.unmatched, result.output).toBeNull();
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain("Created domain billing:");
    const domain = readFileSync(join(root, "domains/billing/domain.yaml"), "utf8");
    expect(domain).toContain('owner: { team: billing, email: billing@example.com, slack: "#billing-data" }');
    expect(domain).toContain("compliance: [gdpr]");
    expect(mesh(["validate", "--root", root]).status).toBe(0);
  });
});
