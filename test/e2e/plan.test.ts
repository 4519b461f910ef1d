import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StackManifest } from "../../cli/src/plan/manifest";
import type { PlanSummary } from "../../cli/src/plan/summary";
import { parse as parseYaml } from "yaml";
import { athenaAccessProblems } from "../helpers/athena-access";
import { mesh } from "../helpers/cli";
import { copyMesh, REPO, setYaml } from "../helpers/fixture";
import { sharedPlan } from "../helpers/shared-plan";

function stackFiles(root: string): string[] {
  return readdirSync(join(root, "stacks")).map((f) => f.replace(/^Pulumi\.|\.yaml$/g, "")).sort();
}

/** Every resource type of the blueprint that a domain stack with Kubernetes must contain. */
const DOMAIN_TYPES = [
  "mesh:blueprint:Domain", "mesh:blueprint:DataProduct", "pulumi:providers:aws",
  "aws:s3/bucket:Bucket", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "aws:s3/bucketPolicy:BucketPolicy",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLogging:BucketLogging",
  "aws:kms/key:Key", "aws:kms/alias:Alias", "aws:glue/catalogDatabase:CatalogDatabase", "aws:glue/catalogTable:CatalogTable",
  "aws:lakeformation/permissions:Permissions", "aws:lakeformation/resourceLfTags:ResourceLfTags",
  "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy",
  "aws:sns/topic:Topic", "aws:sns/topicSubscription:TopicSubscription", "aws:sns/topicPolicy:TopicPolicy",
  "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/dashboard:Dashboard", "aws:cloudwatch/logGroup:LogGroup",
  "aws:athena/workgroup:Workgroup",
  "kubernetes:core/v1:Namespace", "kubernetes:core/v1:ResourceQuota", "kubernetes:core/v1:LimitRange",
  "kubernetes:networking.k8s.io/v1:NetworkPolicy", "kubernetes:core/v1:ServiceAccount",
  "kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
  "kubernetes:batch/v1:CronJob", "kubernetes:core/v1:ConfigMap",
];

describe.each([
  ["the e-commerce lighthouse (root)", "."],
  ["the investment bank", "examples/investment-bank"],
  ["the healthcare network", "examples/healthcare"],
])("mesh plan of %s", (_name, meshRoot) => {
  // Read only: access-matrix.test.ts reads the same plan.
  const { out, ...run } = sharedPlan(["--root", meshRoot]);
  const root = join(REPO, meshRoot);

  it("exits 0 and writes a manifest for every stack plus a summary", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const written = readdirSync(join(out, "plan")).sort();
    expect(written).toEqual([...stackFiles(root).map((s) => `${s}.json`), ".mesh-output", "contracts.json", "lineage.json", "plan.md", "summary.json"].sort());
  });

  it("prints the totals first, then one line per stack, and no more: details are in the files", () => {
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Planned \d+ stacks: \d+ resources, \d+ protected, \d+ product instances, \$\d+\.\d\d\/month fixed\./);
    expect(lines[1]).toBe("Nothing blocks this plan.");
    expect(lines[2]).toMatch(/^Governance: 0 mandatory and \d+ advisory finding\(s\)/);
    for (const stack of stackFiles(root)) expect(run.stdout).toMatch(new RegExp(`^${stack}  \\d+ resources \\(\\d+ protected\\)  \\$\\d+\\.\\d\\d/month`, "m"));
    // Before: ~460 lines for the root mesh (a resource-type table per stack and every advisory finding).
    expect(lines.length).toBeLessThanOrEqual(stackFiles(root).length + 12);
    expect(run.stdout).not.toMatch(/^ {2}product [a-z-]+: /m);
    expect(run.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour codes
  });

  it("records every resource with URN, parent, dependencies, flags, inputs and a realistic id", () => {
    for (const stack of stackFiles(root).filter((s) => !s.startsWith("platform-"))) {
      const manifest = JSON.parse(readFileSync(join(out, "plan", `${stack}.json`), "utf8")) as StackManifest;
      expect(manifest.stack).toBe(stack);
      const types = new Set(manifest.resources.map((r) => r.type));
      for (const t of DOMAIN_TYPES) expect(types.has(t), `${stack} lacks ${t}`).toBe(true);
      const urns = new Set(manifest.resources.map((r) => r.urn));
      for (const r of manifest.resources) {
        expect(r.urn).toMatch(new RegExp(`^urn:pulumi:${stack}::mesh::`));
        if (r.parent) expect(urns.has(r.parent), `${r.urn} parent`).toBe(true);
        for (const d of r.dependsOn) expect(urns.has(d), `${r.urn} dependsOn ${d}`).toBe(true);
        if (r.custom) expect(r.id, r.urn).toBeTruthy();
      }
      const key = manifest.resources.find((r) => r.type === "aws:kms/key:Key")!;
      const account = manifest.resources.find((r) => r.type === "pulumi:providers:aws")!.inputs.allowedAccountIds as string;
      expect(key.arn).toMatch(new RegExp(`^arn:aws:kms:[a-z0-9-]+:${JSON.parse(account)[0]}:key/[0-9a-f-]{36}$`));
    }
  });

  it("lets every producer run Athena queries and read its own results, and no other product's (IAM simulation)", async () => {
    const orgId = String((parseYaml(readFileSync(join(root, "mesh.yaml"), "utf8")) as { organizationId: string }).organizationId);
    let evaluated = 0;
    const problems: string[] = [];
    for (const stack of stackFiles(root).filter((s) => !s.startsWith("platform-"))) {
      const manifest = JSON.parse(readFileSync(join(out, "plan", `${stack}.json`), "utf8")) as StackManifest;
      const result = await athenaAccessProblems(manifest, orgId);
      evaluated += result.evaluated;
      problems.push(...result.problems);
    }
    expect(evaluated).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it("summary.json totals match the manifests", () => {
    const summary = JSON.parse(readFileSync(join(out, "plan", "summary.json"), "utf8")) as PlanSummary;
    let total = 0;
    expect(summary.stacks.length).toBeGreaterThan(0);
    for (const s of summary.stacks) {
      const manifest = JSON.parse(readFileSync(join(out, "plan", `${s.stack}.json`), "utf8")) as StackManifest;
      expect(s.resources).toBe(manifest.resources.length);
      total += manifest.resources.length;
    }
    expect(summary.totals.resources).toBe(total);
  });
});

describe("mesh plan on bad input", () => {
  it("exits 2 with one line naming file, field and fix, and writes nothing", () => {
    const root = copyMesh();
    setYaml(root, "domains/sales/domain.yaml", ["environments", "dev", "account"], "12345");
    const out = join(root, "out");
    const run = mesh(["plan", "--root", root, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('error: domains/sales/domain.yaml: environments.dev.account: must be a 12-digit AWS account id in quotes, such as "111111111111"\n');
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 on a broken contract, keeping the previous manifests", () => {
    const root = copyMesh();
    const out = join(root, "out");
    expect(mesh(["plan", "--root", root, "--out", out, "--stack", "clinic-dev"]).status).toBe(0);
    setYaml(root, "domains/clinic/products/visits/contract.odcs.yaml", ["schema", 0, "properties", 1, "classification"], "internal");
    const run = mesh(["plan", "--root", root, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      'error: domains/clinic/products/visits/contract.odcs.yaml: schema "visits" › property "patient_mrn" › classification: a field tagged phi must be classified at least restricted (is internal)',
    ]);
    expect(readdirSync(join(out, "plan")).sort()).toEqual([".mesh-output", "clinic-dev.json", "contracts.json", "lineage.json", "plan.md", "summary.json"]);
  });

  it("exits 2 for a stack of an unknown domain", () => {
    const root = copyMesh();
    setYaml(root, "stacks/Pulumi.sales-dev.yaml", ["config", "mesh:domain"], "sale");
    const run = mesh(["plan", "--root", root, "--out", join(root, "out")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: stacks\/Pulumi\.sales-dev\.yaml: config\.mesh:domain: a stack of domain sale in dev must be named Pulumi\.sale-dev\.yaml\n$/);
  });

  it("exits 2 for a folder that is not a mesh root", () => {
    const run = mesh(["plan", "--root", tmpdir(), "--out", join(tmpdir(), "nowhere")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not a mesh root: it needs mesh.yaml, domains\/ and stacks\//);
  });
});

describe("mesh CLI", () => {
  it.each([[["--help"]], [["plan", "--help"]], [["validate", "--help"]]])("%j prints help and exits 0", (args) => {
    const run = mesh(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: mesh/);
  });

  it("rejects an unknown option with exit 2", () => {
    const run = mesh(["plan", "--colour"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--colour'/);
  });

  it("validates a mesh and lists pending access requests", () => {
    const run = mesh(["validate", "--root", "test/fixtures/mini"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^OK: 3 domains, 3 products, 5 stacks valid/);
    expect(run.stdout).toContain("pending access request (no grant until approved): clinic-dev: clinic/visits: analytics/churn → visits@1");
  });
});
