import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { mesh } from "../helpers/cli";
import { REPO } from "../helpers/fixture";
import { EXAMPLE_MESHES, GOLDEN_RELEASE } from "./meshes";

const golden = (name: string) => join(REPO, "test", "upgrade", "golden", `v${GOLDEN_RELEASE}`, name);

describe.each(EXAMPLE_MESHES)("upgrading $name from blueprint v" + GOLDEN_RELEASE, ({ name, root }) => {
  const out = mkdtempSync(join(tmpdir(), "upgrade-"));
  const run = mesh(["plan", "--root", root, "--out", out, "--base", golden(name), "--format", "json"]);

  it("replaces and deletes no stateful resource", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { diff: { dataLoss: unknown[]; totals: Record<string, number> } };
    expect(report.diff.dataLoss).toEqual([]);
  });

  it("keeps every component type token and child name (URNs) of the release", () => {
    const report = JSON.parse(run.stdout) as { diff: { stacks: { stack: string; changes: { kind: string; urn: string; type: string }[] }[] } };
    const deleted = report.diff.stacks.flatMap((s) => s.changes.filter((c) => c.kind === "delete").map((c) => c.urn));
    expect(deleted).toEqual([]);
  });
});

describe("the upgrade gate itself", () => {
  // A copy of a golden plan in which one released bucket had another name: the current blueprint would
  // replace it. The gate must catch that, and only the double opt-in may let it through.
  const base = mkdtempSync(join(tmpdir(), "golden-edit-"));
  cpSync(golden("ecommerce"), base, { recursive: true });
  for (const stack of ["orders-dev", "orders-prod"]) {
    const file = join(base, `${stack}.json`);
    const manifest = JSON.parse(readFileSync(file, "utf8")) as StackManifest;
    const bucket = manifest.resources.find((r) => r.type === "aws:s3/bucket:Bucket" && r.name === "orders-order-events-bucket")!;
    bucket.inputs.bucket = `${String(bucket.inputs.bucket)}-old`;
    writeFileSync(file, JSON.stringify(manifest));
  }
  const out = mkdtempSync(join(tmpdir(), "upgrade-gate-"));

  it("fails with exit 3 on a stateful replacement", () => {
    const run = mesh(["plan", "--out", out, "--base", base, "--stack", "orders-dev"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/DATA LOSS orders-dev orders-order-events-bucket: replaces \(bucket\)/);
  });

  it("passes with --allow-destroy where the domain opted in (orders dev)", () => {
    expect(mesh(["plan", "--out", out, "--base", base, "--stack", "orders-dev", "--allow-destroy"]).status).toBe(0);
  });

  it("still fails in production with both flags", () => {
    expect(mesh(["plan", "--out", out, "--base", base, "--stack", "orders-prod", "--allow-destroy"]).status).toBe(3);
  });
});
