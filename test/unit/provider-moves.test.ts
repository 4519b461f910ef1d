import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Comparison } from "../../cli/src/diff/compare";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { mesh } from "../helpers/cli";
import { MINI, setYaml } from "../helpers/fixture";

/**
 * Moving a domain to another region or account, as a platform engineer does it: edit domain.yaml in a copy of a
 * mesh, plan the base and the head, compare. Every AWS resource lives in one region of one account (their ARNs
 * say so), so none of them survives the move: each is created anew in the new place.
 */
const root = mkdtempSync(join(tmpdir(), "mesh-move-"));
cpSync(MINI, root, { recursive: true });
const base = join(root, "base");
const planned = mesh(["plan", "--root", root, "--out", base, "--stack", "sales-prod"]);

function planAfter(edit: () => void, out: string) {
  edit();
  try {
    const run = mesh(["plan", "--root", root, "--out", join(root, out), "--stack", "sales-prod", "--base", base]);
    const diff = JSON.parse(readFileSync(join(root, out, "plan", "diff.json"), "utf8")) as Comparison;
    const manifest = JSON.parse(readFileSync(join(root, out, "plan", "sales-prod.json"), "utf8")) as StackManifest;
    return { run, diff, manifest };
  } finally {
    cpSync(join(MINI, "domains/sales/domain.yaml"), join(root, "domains/sales/domain.yaml"));
  }
}

/** Every custom resource the domain's provider manages, by URN. */
function managedBy(manifest: StackManifest, providerName: string): string[] {
  return manifest.resources.filter((r) => r.provider?.includes(`$pulumi:providers:aws::${providerName}::`)).map((r) => r.urn);
}

const dataLossLines = (stdout: string) => stdout.split("\n").filter((l) => l.includes("LOCATION CHANGE"));

describe("moving a production domain to another region (domain.yaml)", () => {
  const { run, diff, manifest } = planAfter(() => setYaml(root, "domains/sales/domain.yaml", ["environments", "prod", "region"], "us-east-1"), "region");

  it("plans the base", () => expect(planned.status).toBe(0));

  it("replaces every resource the domain's provider manages, not only the provider", () => {
    const managed = managedBy(manifest, "sales-aws");
    expect(managed.length).toBeGreaterThan(20);
    const changes = new Map(diff.stacks[0]!.changes.map((c) => [c.urn, c]));
    for (const urn of managed) expect(changes.get(urn), urn).toMatchObject({ kind: "replace", replaceReasons: expect.arrayContaining(["provider region"]) });
  });

  it("blocks with exit 3 and ONE line saying what moves from where to where and that data must be migrated first", () => {
    expect(run.status).toBe(3);
    const lines = dataLossLines(run.stdout);
    expect(lines).toHaveLength(1);
    // The moved buckets and keys are in that line, not one line each.
    expect(run.stdout).not.toContain("DATA LOSS");
    expect(lines[0]).toMatch(/LOCATION CHANGE sales-prod sales-aws: moves \d+ resource\(s\) that hold data, region eu-west-1 → us-east-1 \(provider sales-aws\)/);
    expect(lines[0]).toContain("Do: migrate the data first");
    // The buckets and the key are named, so the reader knows what to copy.
    for (const name of ["sales-orders-bucket (aws:s3/bucket:Bucket)", "sales-key (aws:kms/key:Key)", "sales-database (aws:glue/catalogDatabase:CatalogDatabase)"]) expect(lines[0]).toContain(name);
  });

  it("writes the move into diff.json's data-loss items", () => {
    expect(diff.dataLoss).toHaveLength(1);
    expect(diff.dataLoss[0]!.moved!.map((c) => c.name)).toEqual(expect.arrayContaining(["sales-orders-bucket", "sales-key"]));
  });
});

describe("moving a production domain to another account (domain.yaml)", () => {
  const { run, diff } = planAfter(() => setYaml(root, "domains/sales/domain.yaml", ["environments", "prod", "account"], "333333333333"), "account");

  it("blocks with exit 3 and one line naming the account move", () => {
    expect(run.status).toBe(3);
    const lines = dataLossLines(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/moves \d+ resource\(s\) that hold data, account 222222222222 → 333333333333 \(provider sales-aws\).*migrate the data first/);
    expect(diff.totals.replace).toBeGreaterThan(20);
  });
});

describe("a change that does not move anything", () => {
  const { run, diff } = planAfter(() => setYaml(root, "domains/sales/domain.yaml", ["costCenter"], "CC-101"), "cost-centre");

  it("replaces nothing and passes", () => {
    expect(run.status).toBe(0);
    expect(diff.totals.replace).toBe(0);
    expect(diff.totals.update).toBeGreaterThan(0);
  });
});
