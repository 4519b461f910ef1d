import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadAccess, readableFields } from "../helpers/access";
import { REPO } from "../helpers/fixture";
import { sharedPlan } from "../helpers/shared-plan";

interface Declared {
  consumer: string;
  from: string;
  fields: string[];
}

/**
 * What the mesh's files say, read straight from the YAML (not through the loader under test): every declared
 * input whose producer approved the consumer (autoApprove or an approval naming its domain or domain/product).
 */
function declaredApprovedReads(root: string): Declared[] {
  const products = new Map<string, { inputs: { from: string; fields: string[] }[]; access: { autoApprove?: string[]; approvals?: { consumer: string }[] } }>();
  for (const d of readdirSync(join(root, "domains"))) {
    let names: string[] = [];
    try { names = readdirSync(join(root, "domains", d, "products")); } catch { continue; }
    for (const p of names) products.set(`${d}/${p}`, parse(readFileSync(join(root, "domains", d, "products", p, "product.yaml"), "utf8")));
  }
  const out: Declared[] = [];
  for (const [consumer, cfg] of products) {
    for (const input of cfg.inputs ?? []) {
      const producer = products.get(input.from.split("/").slice(0, 2).join("/"))!;
      const allowed = [...(producer.access?.autoApprove ?? []), ...(producer.access?.approvals ?? []).map((a) => a.consumer)];
      if (allowed.includes(consumer) || allowed.includes(consumer.split("/")[0]!)) out.push({ consumer, from: input.from, fields: [...input.fields].sort() });
    }
  }
  return out;
}

describe.each([
  ["the e-commerce mesh", ".", "dev"],
  ["the investment bank (one domain in its own accounts)", "examples/investment-bank", "dev"],
  ["the healthcare network", "examples/healthcare", "dev"],
])("who can read what in %s", (_name, meshRoot, env) => {
  const root = join(REPO, meshRoot);
  // Read only: plan.test.ts reads the same plan.
  const { out, ...run } = sharedPlan(["--root", meshRoot]);
  const orgId = String((parse(readFileSync(join(root, "mesh.yaml"), "utf8")) as { organizationId: string }).organizationId);
  const access = loadAccess(join(out, "plan"), env, orgId);
  const declared = declaredApprovedReads(root);
  /** The producer role of domain/product: named <prefix>-<env>-<domain>-<product> by the blueprint. */
  const principalOf = (product: string) => access.principals.find((p) => p.arn.endsWith(`-${env}-${product.replace("/", "-")}`));

  it("plans", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(access.ports.length).toBeGreaterThan(3);
    expect(access.principals.length).toBeGreaterThan(3);
  });

  it("lets every declared, approved consumer read exactly the fields it declared, and no more", () => {
    expect(declared.length).toBeGreaterThan(2);
    const crossAccount = declared.filter((d) => principalOf(d.consumer)?.account !== access.ports.find((p) => p.id === d.from)?.account);
    // The investment bank runs regulatory-reporting in its own accounts: its reads of trading cross accounts.
    if (meshRoot.includes("investment-bank")) expect(crossAccount.map((d) => d.consumer)).toContain("regulatory-reporting/transaction-reports");
    for (const d of declared) {
      const principal = principalOf(d.consumer)!;
      const port = access.ports.find((p) => p.id === d.from)!;
      expect(principal, d.consumer).toBeDefined();
      expect(port, d.from).toBeDefined();
      expect(readableFields(access, principal, port), `${d.consumer} on ${d.from}`).toEqual(d.fields);
    }
  });

  it("lets nobody else read anything: other products' roles, and a role the mesh does not manage in every account", () => {
    const strangers = [...new Set(access.principals.map((p) => p.account))].map((account) => ({ arn: `arn:aws:iam::${account}:role/someone-else`, account, policy: [] }));
    let checked = 0;
    for (const principal of [...access.principals, ...strangers]) {
      for (const port of access.ports) {
        const owner = port.id.split("/").slice(0, 2).join("/");
        if (principal === principalOf(owner)) continue; // a product reads and writes its own ports
        if (declared.some((d) => d.from === port.id && principalOf(d.consumer) === principal)) continue;
        checked++;
        expect(readableFields(access, principal, port), `${principal.arn} on ${port.id}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
