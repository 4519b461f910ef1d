import { cpSync, existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { mesh } from "../helpers/cli";
import { copyMesh, setYaml } from "../helpers/fixture";
import { configErrorAfter as errorOf } from "../helpers/config-error";

// Physical names are unique in their service's scope (S3: all of AWS; IAM: an account; Kubernetes namespaces: a
// cluster), not per environment: loadMesh checks every environment of the mesh against every other, and the
// platform stacks' names too. The colliding names below are worked out by hand from the naming scheme
// `<prefix>-<env>-<domain>-<product>` (DESIGN: naming), not read back from the naming module.


/** Copies domain `sales` of the fixture to a domain `name` that runs only in `envs`. */
function copySales(root: string, name: string, envs: Record<string, unknown>): void {
  cpSync(join(root, "domains/sales"), join(root, `domains/${name}`), { recursive: true });
  setYaml(root, `domains/${name}/domain.yaml`, ["name"], name);
  setYaml(root, `domains/${name}/domain.yaml`, ["environments"], envs);
  setYaml(root, `domains/${name}/products/orders/contract.odcs.yaml`, ["domain"], name);
}

/** Adds an environment to mesh.yaml and to domain `sales`. */
function addEnv(root: string, env: string, meshEnv: Record<string, unknown>, domainEnv: Record<string, unknown>): void {
  setYaml(root, "mesh.yaml", ["environments", env], meshEnv);
  setYaml(root, "domains/sales/domain.yaml", ["environments", env], domainEnv);
}

describe("physical names across environments", () => {
  it("refuses env dev + domain eu-sales next to env dev-eu + domain sales: both claim fx-dev-eu-sales-*", () => {
    const e = errorOf((r) => {
      addEnv(r, "dev-eu", { region: "eu-west-1", account: "333333333333" }, { region: "eu-west-1", account: "333333333333" });
      copySales(r, "eu-sales", { dev: { region: "eu-west-1", account: "111111111111" } });
    });
    // mesh.yaml lists dev first, so the dev-eu stack is the one told to rename.
    expect([e.file, e.field]).toEqual(["domains/sales/domain.yaml", "name"]);
    expect(e.problem).toBe("query results of domain sales in dev-eu and query results of domain eu-sales in dev (declared in domains/eu-sales/domain.yaml) would both be named fx-dev-eu-sales-query-results (S3 bucket, unique across all of AWS); rename one of them");
  });

  it("refuses env dev + domain eu + product sales-orders next to env dev-eu + domain sales + product orders", () => {
    // Only the product buckets meet (fx-dev-eu-sales-orders); the domains' own names differ, and the roles live in
    // two accounts.
    const e = errorOf((r) => {
      addEnv(r, "dev-eu", { region: "eu-west-1", account: "333333333333" }, { region: "eu-west-1", account: "333333333333" });
      copySales(r, "eu", { dev: { region: "eu-west-1", account: "111111111111" } });
      renameSync(join(r, "domains/eu/products/orders"), join(r, "domains/eu/products/sales-orders"));
      setYaml(r, "domains/eu/products/sales-orders/contract.odcs.yaml", ["dataProduct"], "sales-orders");
    });
    expect([e.file, e.field]).toEqual(["domains/sales/products/orders/product.yaml", "(product folder name)"]);
    expect(e.problem).toBe("sales/orders in dev-eu and eu/sales-orders in dev (declared in domains/eu/products/sales-orders/product.yaml) would both be named fx-dev-eu-sales-orders (S3 bucket, unique across all of AWS); rename one of them");
  });

  it("refuses a domain whose product bucket would take the platform's access-log bucket", () => {
    // The platform of dev creates fx-dev-access-logs-111111111111-eu-west-1 (one per account and region).
    const e = errorOf((r) => {
      copySales(r, "access-logs-111111111111-eu", { dev: { region: "eu-west-1", account: "111111111111" } });
      cpSync(join(r, "domains/access-logs-111111111111-eu/products/orders"), join(r, "domains/access-logs-111111111111-eu/products/west-1"), { recursive: true });
      setYaml(r, "domains/access-logs-111111111111-eu/products/west-1/contract.odcs.yaml", ["dataProduct"], "west-1");
      setYaml(r, "domains/access-logs-111111111111-eu/products/west-1/contract.odcs.yaml", ["schema", 0, "name"], "west");
      setYaml(r, "domains/access-logs-111111111111-eu/products/west-1/product.yaml", ["outputPorts"], ["west"]);
    });
    expect([e.file, e.field]).toEqual(["domains/access-logs-111111111111-eu/products/west-1/product.yaml", "(product folder name)"]);
    expect(e.problem).toBe("access-logs-111111111111-eu/west-1 in dev and platform of dev (declared in mesh.yaml) would both be named fx-dev-access-logs-111111111111-eu-west-1 (S3 bucket, unique across all of AWS); rename one of them");
  });

  it("refuses two environments on one EKS cluster whose domain namespaces share a name", () => {
    // Namespaces are <domain>-<env>: domain sales-eu in dev and domain sales in eu-dev are both sales-eu-dev.
    const issuer = "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789";
    const e = errorOf((r) => {
      addEnv(r, "eu-dev", { region: "eu-west-1", account: "333333333333", eksOidcIssuer: issuer, eksCluster: "fixture-dev" }, { region: "eu-west-1", account: "333333333333", kubernetes: true });
      copySales(r, "sales-eu", { dev: { region: "eu-west-1", account: "111111111111", kubernetes: true } });
    });
    expect([e.file, e.field]).toEqual(["domains/sales/domain.yaml", "name"]);
    expect(e.problem).toBe(`domain sales in eu-dev and domain sales-eu in dev (declared in domains/sales-eu/domain.yaml) would both be named sales-eu-dev (Kubernetes namespace, unique on cluster ${issuer}); rename one of them`);
  });

  it("accepts the same namespace name on two clusters, and IAM names that repeat in two accounts", () => {
    const root = copyMesh();
    addEnv(root, "eu-dev", { region: "eu-west-1", account: "333333333333", eksOidcIssuer: "oidc.eks.eu-west-1.amazonaws.com/id/0000000000000000000000000000FFFF", eksCluster: "fixture-eu-dev" }, { region: "eu-west-1", account: "333333333333", kubernetes: true });
    copySales(root, "sales-eu", { dev: { region: "eu-west-1", account: "111111111111", kubernetes: true } });
    expect(loadMesh(root).domains.map((d) => d.name)).toContain("sales-eu");
  });

  it("mesh plan exits 2 naming both owners and the file to change, and writes nothing", () => {
    const root = copyMesh();
    addEnv(root, "dev-eu", { region: "eu-west-1", account: "333333333333" }, { region: "eu-west-1", account: "333333333333" });
    copySales(root, "eu-sales", { dev: { region: "eu-west-1", account: "111111111111" } });
    const out = join(root, "out");
    const run = mesh(["plan", "--root", root, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("error: domains/sales/domain.yaml: name: query results of domain sales in dev-eu and query results of domain eu-sales in dev (declared in domains/eu-sales/domain.yaml) would both be named fx-dev-eu-sales-query-results (S3 bucket, unique across all of AWS); rename one of them\n");
    expect(existsSync(out)).toBe(false);
  });
});
