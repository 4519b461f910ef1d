import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { mesh } from "../helpers/cli";
import { REPO } from "../helpers/fixture";

// A product log group keeps the pipeline's run logs for at least a year: its audit trail. "DeleteLogGroup deletes the
// specified log group and permanently deletes all the archived log events associated with the log group"
// (CloudWatch Logs API reference), so a plan that deletes or replaces one loses evidence and must block like a
// bucket. The base is the released golden plan of the example mesh, edited as an older release could have had it.

const golden = join(REPO, "test", "upgrade", "golden", "v1.0.0", "ecommerce");
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

/** A copy of the golden plan with `edit` applied to the manifest of `stack`. */
function editedBase(stack: string, edit: (m: StackManifest) => void): string {
  const base = mkdtempSync(join(tmpdir(), "log-group-base-"));
  cpSync(golden, base, { recursive: true });
  const file = join(base, `${stack}.json`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as StackManifest;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return base;
}

describe("a plan that loses a product log group", () => {
  const out = mkdtempSync(join(tmpdir(), "log-group-out-"));

  it("blocks a replacement (the log group had another name) with exit 3 naming the log group", () => {
    const base = editedBase("orders-prod", (m) => {
      const group = m.resources.find((r) => r.type === LOG_GROUP && r.name === "orders-order-events-logs")!;
      group.inputs.name = "/datamesh/prod/orders/order-events-old";
    });
    const run = mesh(["plan", "--out", join(out, "replace"), "--base", base, "--stack", "orders-prod"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/DATA LOSS orders-prod orders-order-events-logs: replaces \(name\) aws:cloudwatch\/logGroup:LogGroup/);
  });

  it("blocks a deletion (the base has a log group the head no longer declares) with exit 3", () => {
    const base = editedBase("orders-prod", (m) => {
      const group = m.resources.find((r) => r.type === LOG_GROUP && r.name === "orders-order-events-logs")!;
      m.resources.push({ ...group, name: "orders-order-archive-logs", urn: group.urn.replace(/::orders-order-events-logs$/, "::orders-order-archive-logs"), inputs: { ...group.inputs, name: "/datamesh/prod/orders/order-archive" } });
    });
    const run = mesh(["plan", "--out", join(out, "delete"), "--base", base, "--stack", "orders-prod"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/DATA LOSS orders-prod orders-order-archive-logs: deletes aws:cloudwatch\/logGroup:LogGroup/);
  });

  it("lets the deletion through only with the double opt-in, outside production (orders dev)", () => {
    const base = editedBase("orders-dev", (m) => {
      const group = m.resources.find((r) => r.type === LOG_GROUP && r.name === "orders-order-events-logs")!;
      m.resources.push({ ...group, name: "orders-order-archive-logs", urn: group.urn.replace(/::orders-order-events-logs$/, "::orders-order-archive-logs"), inputs: { ...group.inputs, name: "/datamesh/dev/orders/order-archive" } });
    });
    expect(mesh(["plan", "--out", join(out, "dev"), "--base", base, "--stack", "orders-dev"]).status).toBe(3);
    expect(mesh(["plan", "--out", join(out, "dev-allowed"), "--base", base, "--stack", "orders-dev", "--allow-destroy"]).status).toBe(0);
  });
});
