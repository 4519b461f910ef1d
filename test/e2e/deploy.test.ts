import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakePulumi } from "../helpers/fake-pulumi";
import { copyMesh, REPO, setYaml } from "../helpers/fixture";

const CLUSTER = "arn:aws:eks:eu-west-1:111111111111:cluster/fixture-dev";

/** A mesh root that is also a Pulumi project folder, as `mesh up` needs; HOME with a kubeconfig for fixture-dev. */
function project(kubeconfigCluster = CLUSTER): { root: string; home: string } {
  const root = copyMesh();
  copyFileSync(join(REPO, "Pulumi.yaml"), join(root, "Pulumi.yaml"));
  const home = mkdtempSync(join(tmpdir(), "home-"));
  mkdirSync(join(home, ".kube"));
  // What `aws eks update-kubeconfig --name fixture-dev --region eu-west-1` writes: context and cluster named by the ARN.
  writeFileSync(join(home, ".kube", "config"), [
    "apiVersion: v1", "kind: Config", `current-context: ${CLUSTER}`,
    "clusters:", `  - name: ${kubeconfigCluster}`, "    cluster: { server: https://EXAMPLE.gr7.eu-west-1.eks.amazonaws.com }",
    "contexts:", `  - name: ${CLUSTER}`, `    context: { cluster: ${kubeconfigCluster}, user: ${CLUSTER} }`,
    "users:", `  - name: ${CLUSTER}`, "    user: {}", "",
  ].join("\n"));
  return { root, home };
}

function run(args: string[], root: string, env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, [join(REPO, "cli", "bin", "mesh.js"), ...args, "--root", root, "--out", join(root, "out")], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: dirname(process.execPath), FORCE_COLOR: "0", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("mesh preview/up/destroy: fail at once without what they need", () => {
  it("without the Pulumi CLI: exit 4 and one line saying what to install", () => {
    const { root, home } = project();
    const r = run(["preview", "--stack", "sales-dev"], root, { HOME: home, AWS_PROFILE: "dev-deployer" });
    expect(r.status).toBe(4);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("error: the Pulumi CLI is not on PATH: install it (https://www.pulumi.com/docs/iac/download-install/) and run this again\n");
  });

  it("without AWS credentials: exit 4 and one line, before Pulumi is asked anything", () => {
    const { root, home } = project();
    const fake = fakePulumi();
    const r = run(["up", "--stack", "sales-dev"], root, { HOME: home, PATH: `${fake.bin}${delimiter}${dirname(process.execPath)}` });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error: no AWS credentials: set AWS_PROFILE .*\n$/);
    expect(fake.calls()).toEqual([]);
  });

  it("without a Pulumi login: exit 4 and one line", () => {
    const { root, home } = project();
    const fake = fakePulumi();
    const r = run(["up", "--stack", "sales-dev"], root, { HOME: home, AWS_PROFILE: "dev-deployer", FAKE_PULUMI_LOGGED_OUT: "1", PATH: `${fake.bin}${delimiter}${dirname(process.execPath)}` });
    expect(r.status).toBe(4);
    expect(r.stderr).toBe("error: not logged in to a Pulumi backend: run pulumi login (or set PULUMI_BACKEND_URL or PULUMI_ACCESS_TOKEN), then run this again\n");
    expect(fake.calls().map((c) => c.args[0])).not.toContain("up");
  });
});

describe("mesh preview/up/destroy drive a (fake) Pulumi CLI through the Automation API", () => {
  it("preview: the stack, its config, the policy pack, in the project folder; output streamed", () => {
    const { root, home } = project();
    const fake = fakePulumi();
    const r = run(["preview", "--stack", "sales-dev"], root, { HOME: home, AWS_PROFILE: "dev-deployer", PATH: `${fake.bin}${delimiter}${dirname(process.execPath)}` });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("fake pulumi preview of sales-dev");
    const preview = fake.calls().find((c) => c.args[0] === "preview")!;
    expect(preview.cwd).toBe(root);
    expect(preview.args).toEqual(expect.arrayContaining(["--stack", "sales-dev"]));
    expect(preview.args[preview.args.indexOf("--policy-pack") + 1]).toBe(join(REPO, "components", "policies"));
    expect(preview.configFile).toBe("config:\n  mesh:domain: sales\n  mesh:env: dev\n");
    expect(preview.env.AWS_PROFILE).toBe("dev-deployer");
    expect(preview.env.PULUMI_SKIP_UPDATE_CHECK).toBe("true");
  });

  it("up --allow-destroy passes the deployer's opt-in as config, and Pulumi's exit code is kept", () => {
    const { root, home } = project();
    const fake = fakePulumi();
    const r = run(["up", "--stack", "sales-dev", "--allow-destroy"], root, { HOME: home, AWS_PROFILE: "dev-deployer", FAKE_PULUMI_EXIT: "7", PATH: `${fake.bin}${delimiter}${dirname(process.execPath)}` });
    expect(r.status).toBe(7);
    expect(r.stderr).toContain("error: pulumi up --stack sales-dev failed (exit 7)");
    const up = fake.calls().find((c) => c.args[0] === "up")!;
    expect(up.args).toEqual(expect.arrayContaining(["--stack", "sales-dev", "--policy-pack", join(REPO, "components", "policies")]));
    expect(up.configFile).toContain('mesh:allowDestroy: "true"');
  });

  it("the gate refuses before the CLI is called: a mandatory governance finding exits 3, nothing sent to Pulumi", () => {
    const { root, home } = project();
    setYaml(root, "domains/clinic/domain.yaml", ["compliance"], []);
    const fake = fakePulumi();
    const r = run(["up", "--stack", "clinic-dev"], root, { HOME: home, AWS_PROFILE: "dev-deployer", PATH: `${fake.bin}${delimiter}${dirname(process.execPath)}` });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/the offline plan of clinic-dev is blocked, so nothing was sent to Pulumi:\n.*hipaa-phi-in-hipaa-domain/);
    expect(fake.calls().map((c) => c.args.slice(0, 2).join(" "))).toEqual(["version", "whoami --json"]);
  });

  it("refuses a kubeconfig whose context for the environment points at another cluster", () => {
    const { root, home } = project("arn:aws:eks:eu-west-1:999999999999:cluster/someone-else");
    const fake = fakePulumi();
    const r = run(["up", "--stack", "sales-dev"], root, { HOME: home, AWS_PROFILE: "dev-deployer", PATH: `${fake.bin}${delimiter}${dirname(process.execPath)}` });
    expect(r.status).toBe(4);
    expect(r.stderr).toBe(`error: kubeconfig context ${CLUSTER} points at cluster arn:aws:eks:eu-west-1:999999999999:cluster/someone-else, not the environment's ${CLUSTER}: refusing to deploy there; run aws eks update-kubeconfig --name fixture-dev --region eu-west-1\n`);
    expect(fake.calls().map((c) => c.args[0])).not.toContain("up");
  });

  it("destroy: never production, and only with both halves of the double opt-in", () => {
    const { root, home } = project();
    const fake = fakePulumi();
    const env = { HOME: home, AWS_PROFILE: "dev-deployer", PATH: `${fake.bin}${delimiter}${dirname(process.execPath)}` };
    const prod = run(["destroy", "--stack", "sales-prod", "--allow-destroy"], root, env);
    expect(prod.status).toBe(2);
    expect(prod.stderr).toBe("error: mesh destroy never runs on production: prod is a production environment in mesh.yaml\n");
    const noFlag = run(["destroy", "--stack", "sales-dev"], root, env);
    expect(noFlag.status).toBe(2);
    expect(noFlag.stderr).toBe("error: mesh destroy --stack sales-dev also needs --allow-destroy (the deployer's half of the double opt-in)\n");
    const noDomain = run(["destroy", "--stack", "analytics-dev", "--allow-destroy"], root, env);
    expect(noDomain.status).toBe(2);
    expect(noDomain.stderr).toMatch(/domains\/analytics\/domain\.yaml: environments\.dev\.allowDestroy: must be true/);
    expect(fake.calls().map((c) => c.args[0])).not.toContain("destroy");
  });
});
