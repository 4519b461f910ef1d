import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadMesh } from "../../components/src/config/load-mesh";
import { copyMesh, setYaml } from "../helpers/fixture";

describe("per-product Athena workgroups", () => {
  it("refuses a product whose workgroup would take another domain's workgroup name", () => {
    // Product sales/eu gets workgroup fx-dev-sales-eu, the name of domain sales-eu's own workgroup.
    const root = copyMesh();
    cpSync(join(root, "domains/sales"), join(root, "domains/sales-eu"), { recursive: true });
    setYaml(root, "domains/sales-eu/domain.yaml", ["name"], "sales-eu");
    rmSync(join(root, "domains/sales-eu/products/orders"), { recursive: true });
    cpSync(join(root, "domains/sales/products/orders"), join(root, "domains/sales/products/eu"), { recursive: true });
    setYaml(root, "domains/sales/products/eu/contract.odcs.yaml", ["dataProduct"], "eu");
    setYaml(root, "domains/sales/products/eu/contract.odcs.yaml", ["schema", 0, "name"], "eu_orders");
    setYaml(root, "domains/sales/products/eu/product.yaml", ["outputPorts"], ["eu_orders"]);
    let error: unknown;
    try {
      loadMesh(root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problem).toMatch(/^domain sales-eu in dev and sales\/eu in dev \(declared in domains\/sales\/products\/eu\/product\.yaml\) would both be named fx-dev-sales-eu \(Athena workgroup, unique in account \d{12} [a-z0-9-]+\); rename one of them$/);
  });
});
