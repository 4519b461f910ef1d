import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintedFiles } from "../../cli/src/plan/fingerprint";
import type { PlanSummary } from "../../cli/src/plan/summary";
import { mesh } from "../helpers/cli";
import { copyMesh, setYaml } from "../helpers/fixture";

function summaryOf(out: string): PlanSummary & { blocking: unknown[] } {
  return JSON.parse(readFileSync(join(out, "plan", "summary.json"), "utf8"));
}

describe("the data-loss gate", () => {
  // One base plan of the fixture; the head renames every physical resource by changing the mesh prefix.
  const root = copyMesh();
  const base = join(root, "base-out");
  const planned = mesh(["plan", "--root", root, "--out", base]);
  setYaml(root, "mesh.yaml", ["prefix"], "fy");

  it("plans the base", () => {
    expect(planned.status).toBe(0);
  });

  it("blocks a plan that replaces buckets, keys and tables: exit 3 with the list", () => {
    const run = mesh(["plan", "--root", root, "--out", join(root, "head"), "--base", base]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/BLOCKED: \d+ item\(s\) stop this plan \(exit 3\):/);
    expect(run.stdout).toMatch(/DATA LOSS sales-dev sales-orders-bucket: replaces \(bucket\) aws:s3\/bucket:Bucket, which holds data/);
    expect(run.stdout).toMatch(/DATA LOSS sales-prod sales-database: replaces \(name\) aws:glue\/catalogDatabase:CatalogDatabase/);
    // The key is only updated (its policy names new ARNs): keys survive a rename.
    expect(run.stdout).not.toMatch(/DATA LOSS sales-prod sales-key:/);
    expect(run.stderr).toMatch(/^error: \d+ blocking item\(s\)/);
    const summary = summaryOf(join(root, "head"));
    expect(summary.blocking.length).toBeGreaterThan(10);
  });

  it("lets it through with --allow-destroy where domain.yaml opts in for a non-production environment", () => {
    const run = mesh(["plan", "--root", root, "--out", join(root, "head-dev"), "--base", base, "--stack", "sales-dev", "--allow-destroy"]);
    expect(run.stdout).not.toMatch(/BLOCKED/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/± aws:s3\/bucket:Bucket sales-orders-bucket \[replace: bucket\]/);
  });

  it("needs the flag as well as the domain's opt-in", () => {
    expect(mesh(["plan", "--root", root, "--out", join(root, "h1"), "--base", base, "--stack", "sales-dev"]).status).toBe(3);
  });

  it("needs the domain's opt-in as well as the flag", () => {
    // clinic/domain.yaml has no allowDestroy for dev.
    expect(mesh(["plan", "--root", root, "--out", join(root, "h2"), "--base", base, "--stack", "clinic-dev", "--allow-destroy"]).status).toBe(3);
  });

  it("never lets production through", () => {
    expect(mesh(["plan", "--root", root, "--out", join(root, "h3"), "--base", base, "--stack", "sales-prod", "--allow-destroy"]).status).toBe(3);
  });

  it("writes the PR comment with blocking items first, and the full diff as JSON", () => {
    const md = readFileSync(join(root, "head", "plan", "plan.md"), "utf8");
    expect(md.indexOf("Blocked")).toBeLessThan(md.indexOf("| stack |"));
    expect(md.length).toBeLessThanOrEqual(65_536);
    const diff = JSON.parse(readFileSync(join(root, "head", "plan", "diff.json"), "utf8"));
    expect(diff.totals.replace).toBeGreaterThan(0);
  });
});

describe("the plan cache", () => {
  it("reuses unchanged stacks and re-plans exactly those whose inputs changed", () => {
    const root = copyMesh();
    const out = join(root, "out");
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    expect(summaryOf(out).stacks.every((s) => !s.cached)).toBe(true);

    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    expect(summaryOf(out).stacks.every((s) => s.cached)).toBe(true);

    // A consumer reads one more field: the producer's grants change, so both stacks are planned again.
    setYaml(root, "domains/analytics/products/churn/product.yaml", ["inputs", 0, "fields"], ["order_id", "amount", "order_date", "placed_at"]);
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    const replanned = summaryOf(out).stacks.filter((s) => !s.cached).map((s) => s.stack).sort();
    expect(replanned).toEqual(["analytics-dev", "sales-dev"]);

    // --no-cache plans everything.
    expect(mesh(["plan", "--root", root, "--out", out, "--no-cache"]).status).toBe(0);
    expect(summaryOf(out).stacks.some((s) => s.cached)).toBe(false);
    // Four CLI runs: on a busy shared machine they take more than the default minute.
  }, 300_000);

  it("keys stacks on every component, policy and plan-engine file and on the lockfile", () => {
    const files = fingerprintedFiles();
    for (const f of ["index.ts", "package-lock.json", "components/src/blueprint/domain.ts", "components/src/aws/bucket.ts", "components/schemas/odcs-json-schema-v3.1.0.json", "cli/src/plan/recorder.ts"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith("components/src/")).length).toBeGreaterThan(20);
  });
});

describe("mesh generate", () => {
  it("writes a valid deterministic mesh that plans", () => {
    const a = join(copyMesh(), "gen");
    const b = join(copyMesh(), "gen");
    expect(mesh(["generate", "--domains", "3", "--products", "10", "--out", a]).status).toBe(0);
    expect(mesh(["generate", "--domains", "3", "--products", "10", "--out", b]).status).toBe(0);
    const file = "domains/payments/products/payments-events/contract.odcs.yaml";
    expect(readFileSync(join(a, file), "utf8")).toBe(readFileSync(join(b, file), "utf8"));
    const run = mesh(["plan", "--root", a, "--out", join(a, "out"), "--format", "json"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const summary = JSON.parse(run.stdout) as PlanSummary;
    expect(summary.totals.products).toBe(10);
    expect(summary.totals.stacks).toBe(4);
    expect(summary.stacks.find((s) => s.stack === "inventory-dev")!.byType["aws:lakeformation/permissions:Permissions"]).toBeGreaterThan(0);
  });
});

describe("cost in the plan", () => {
  it("shows each product's fixed monthly cost, per domain and in total", () => {
    const root = copyMesh();
    const run = mesh(["plan", "--root", root, "--out", join(root, "out"), "--stack", "sales-dev", "--verbose"]);
    expect(run.stdout).toMatch(/sales-dev  \d+ resources \(\d+ protected\)  \$4\.80\/month/);
    expect(run.stdout).toMatch(/  product orders: \$0\.80\/month/);
    expect(run.stdout).toMatch(/  shared by the domain: \$4\.00\/month/);
    expect(run.stdout).toMatch(/\$4\.80\/month fixed\./);
  });
});



describe("protection changes", () => {
  const root = copyMesh();
  const base = join(root, "base");
  mesh(["plan", "--root", root, "--out", base, "--stack", "sales-dev", "sales-prod"]);

  it("shows --allow-destroy unprotecting the stateful resources of an opted-in stack, and lets it through", () => {
    const run = mesh(["plan", "--root", root, "--out", join(root, "a"), "--base", base, "--stack", "sales-dev", "--allow-destroy"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/~ aws:s3\/bucket:Bucket sales-orders-bucket\n {6}\(protect\): true → false\n {6}\(retainOnDelete\): true → false/);
  });

  it("blocks a stack file that turns protection off without the deployer's --allow-destroy", () => {
    setYaml(root, "stacks/Pulumi.sales-dev.yaml", ["config", "mesh:allowDestroy"], true);
    const run = mesh(["plan", "--root", root, "--out", join(root, "b"), "--base", base, "--stack", "sales-dev"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/DATA LOSS sales-dev sales-orders-bucket: removes the protection of aws:s3\/bucket:Bucket/);
  });

  it("refuses mesh:allowDestroy in a production stack as a config error", () => {
    setYaml(root, "stacks/Pulumi.sales-prod.yaml", ["config", "mesh:allowDestroy"], true);
    const run = mesh(["plan", "--root", root, "--out", join(root, "c"), "--stack", "sales-prod"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("error: stacks/Pulumi.sales-prod.yaml: config.mesh:allowDestroy: production stacks can never allow destroying data; remove it\n");
  });
});

describe("CLI input errors", () => {
  it("exits 2 for a --stack that does not exist", () => {
    const run = mesh(["plan", "--root", "test/fixtures/mini", "--out", join(copyMesh(), "o"), "--stack", "nope"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: --stack: nope: no such stack in .*\/stacks \(stacks: analytics-dev, clinic-dev, platform-dev, sales-dev, sales-prod\)\n$/);
  });

  it("exits 2 when generate is asked for fewer products than domains", () => {
    const run = mesh(["generate", "--domains", "5", "--products", "3", "--out", join(copyMesh(), "g")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("error: --products 3 is fewer than --domains 5: every domain needs at least one product\n");
  });
});
