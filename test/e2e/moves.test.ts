import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mesh } from "../helpers/cli";
import { REPO, setYaml } from "../helpers/fixture";

// The lighthouse mesh: a production domain moves to the other allowed region (domain.yaml), and the production
// environment's shared stack moves to another account (mesh.yaml).
describe("mesh plan --base after moving production to another region or account", () => {
  const root = mkdtempSync(join(tmpdir(), "mesh-moves-"));
  for (const part of ["mesh.yaml", "domains", "stacks"]) cpSync(join(REPO, part), join(root, part), { recursive: true });
  const base = join(root, "base");
  const stacks = ["--stack", "orders-prod", "platform-prod"];
  const planned = mesh(["plan", "--root", root, "--out", base, ...stacks]);
  setYaml(root, "domains/orders/domain.yaml", ["environments", "prod", "region"], "eu-central-1");
  setYaml(root, "mesh.yaml", ["environments", "prod", "account"], "333333333333");
  const run = mesh(["plan", "--root", root, "--out", join(root, "head"), ...stacks, "--base", base]);
  const lines = run.stdout.split("\n").filter((l) => l.includes("LOCATION CHANGE"));

  it("plans the base", () => expect(planned.status).toBe(0));

  it("exits 3", () => {
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^error: \d+ blocking item\(s\)/);
  });

  it("names the region move of the domain in one line", () => {
    const orders = lines.filter((l) => l.includes(" orders-prod "));
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatch(/moves \d+ resource\(s\) that hold data, region eu-west-1 → eu-central-1 \(provider orders-aws\)/);
    expect(orders[0]).toContain("orders-order-events-bucket (aws:s3/bucket:Bucket)");
    expect(orders[0]).toContain("Do: migrate the data first");
  });

  it("names the account move of the environment's shared stack in one line", () => {
    const platform = lines.filter((l) => l.includes(" platform-prod platform-aws:"));
    expect(platform).toHaveLength(1);
    expect(platform[0]).toMatch(/account 222222222222 → 333333333333 \(provider platform-aws\).*migrate the data first/);
  });
});
