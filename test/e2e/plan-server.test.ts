import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as client from "../../cli/bin/plan-server-client";
import { copyCode, editCode } from "../helpers/code-copy";
import { askSocket, type ServerMessage } from "../helpers/plan-server";
import { copyMesh, copyMeshRoot, REPO, setYaml } from "../helpers/fixture";

/**
 * The resident plan server (cli/src/server/): `mesh plan` at a terminal runs on a server that keeps the CLI and its
 * workers loaded. The server must be invisible: for any sequence of plans it prints, writes and exits exactly as a
 * plan in its own process does, and it never plans with code other than the checkout's.
 */

/** A private runtime folder per test file: its own servers, which no other test (or person) reaches. */
const runtime = mkdtempSync(join(tmpdir(), "mesh-xdg-"));
const SECRET = { MESH_SECRET_KEY: "plan-server-test" };

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** The CLI with this test's runtime folder; MESH_SERVER only as given (CI exports MESH_SERVER=0). */
function meshWith(env: Record<string, string>, args: string[], code = REPO): Run {
  const { MESH_SERVER: _, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [join(code, "cli", "bin", "mesh.js"), ...args], { cwd: code, encoding: "utf8", env: { ...inherited, FORCE_COLOR: "0", XDG_RUNTIME_DIR: runtime, ...SECRET, ...env } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const served = (args: string[], env: Record<string, string> = {}, code?: string) => meshWith({ MESH_SERVER: "1", ...env }, args, code);

/** `mesh <args>` through the server, without waiting for it: for clients that run at the same time. */
function servedAsync(args: string[]): Promise<Run> {
  return new Promise<Run>((done) => {
    const child = spawn(process.execPath, [join(REPO, "cli", "bin", "mesh.js"), ...args], { env: { ...process.env, XDG_RUNTIME_DIR: runtime, MESH_SERVER: "1", ...SECRET } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => done({ status: code ?? -1, stdout, stderr }));
  });
}
const inProcess = (args: string[], code?: string) => meshWith({ MESH_SERVER: "0" }, args, code);

const STARTED = /^Started a plan server that keeps `mesh plan` warm for this checkout .*\n/m;

/** Output made comparable: the output folder's path, and how long each stack took to plan. */
function comparable(text: string, outDir: string): string {
  return text.replaceAll(outDir, "<out>").replace(/"millis": ?\d+/g, '"millis":0').replace(/ {2}\d+\.\ds$/gm, "  <time>");
}

/** Every file under a folder, with its content (made comparable). */
function tree(dir: string, outDir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .sort()
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => [f, comparable(readFileSync(join(dir, f), "utf8"), outDir)]),
  );
}

/** One request straight on this test's server socket; every line it answered. */
function askDirectly(request: ServerMessage): Promise<ServerMessage[]> {
  return askSocket(client.socketPath({ XDG_RUNTIME_DIR: runtime })!, request);
}

function status(code = REPO): string {
  return meshWith({}, ["server", "status"], code).stdout;
}

function pidOf(statusLine: string): number | undefined {
  const m = statusLine.match(/pid (\d+)/);
  return m ? Number(m[1]) : undefined;
}

async function until(check: () => boolean, ms = 20_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

afterAll(() => {
  meshWith({}, ["server", "stop"]);
});

describe("mesh plan through the resident plan server", () => {
  it("prints, writes and exits exactly as a plan in its own process, step after step, from one warm server", () => {
    const root = copyMesh();
    const outServed = mkdtempSync(join(tmpdir(), "out-served-"));
    const outOwn = mkdtempSync(join(tmpdir(), "out-own-"));
    const steps: { name: string; edit?: () => void; args?: string[] }[] = [
      { name: "first plan" },
      { name: "unchanged" },
      { name: "a contract's description changed", edit: () => setYaml(root, "domains/sales/products/orders/contract.odcs.yaml", ["description", "purpose"], "Every order placed, one row per order, as served") },
      { name: "a broken contract", edit: () => setYaml(root, "domains/sales/products/orders/contract.odcs.yaml", ["schema", 0, "properties", 0, "logicalType"], "intger") },
      { name: "fixed, json", edit: () => setYaml(root, "domains/sales/products/orders/contract.odcs.yaml", ["schema", 0, "properties", 0, "logicalType"], "string"), args: ["--format", "json"] },
      { name: "no cache, markdown", args: ["--no-cache", "--format", "markdown"] },
    ];
    let pid: number | undefined;
    const statuses: number[] = [];
    for (const step of steps) {
      step.edit?.();
      const args = (out: string) => ["plan", "--root", root, "--out", out, ...(step.args ?? [])];
      const a = served(args(outServed));
      const b = inProcess(args(outOwn));
      statuses.push(a.status);
      expect({ step: step.name, status: a.status, stdout: comparable(a.stdout, outServed), stderr: comparable(a.stderr.replace(STARTED, ""), outServed) }).toEqual({
        step: step.name,
        status: b.status,
        stdout: comparable(b.stdout, outOwn),
        stderr: comparable(b.stderr, outOwn),
      });
      expect(tree(join(outServed, "plan"), outServed), step.name).toEqual(tree(join(outOwn, "plan"), outOwn));
      expect(tree(join(outServed, "catalog"), outServed), step.name).toEqual(tree(join(outOwn, "catalog"), outOwn));
      const now = pidOf(status());
      expect(now, `a server runs after "${step.name}"`).toBeDefined();
      pid ??= now;
      expect(now, "the same server served every step").toBe(pid);
    }
    // The steps covered success and bad input (exit 2, one line naming the file and field).
    expect(statuses).toEqual([0, 0, 0, 2, 0, 0]);
    expect(status()).toMatch(new RegExp(`pid ${pid}, running since .*, ${steps.length} plan\\(s\\) served`));
  });

  it("serves clients one at a time: two plans at once both finish with their own, identical result", async () => {
    const root = copyMesh();
    const outs = [mkdtempSync(join(tmpdir(), "out-a-")), mkdtempSync(join(tmpdir(), "out-b-"))];
    const runs = await Promise.all(outs.map((out) => servedAsync(["plan", "--root", root, "--out", out, "--format", "json"])));
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    expect(JSON.parse(runs[0]!.stdout).totals.resources).toBeGreaterThan(0);
    expect(tree(join(outs[0]!, "plan"), outs[0]!)).toEqual(tree(join(outs[1]!, "plan"), outs[1]!));
  });

  it("mesh server stop ends it; a killed server's leftover socket does not stop the next plan", () => {
    const root = copyMesh();
    const out = mkdtempSync(join(tmpdir(), "out-"));
    expect(served(["plan", "--root", root, "--out", out]).status).toBe(0);
    const pid = pidOf(status())!;
    expect(meshWith({}, ["server", "stop"]).stdout).toBe(`Stopped the plan server of ${REPO} (pid ${pid}).\n`);
    expect(status()).toBe(`No plan server runs for ${REPO}.\n`);

    expect(served(["plan", "--root", root, "--out", out]).status).toBe(0);
    const killed = pidOf(status())!;
    process.kill(killed, "SIGKILL");
    const again = served(["plan", "--root", root, "--out", out]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(STARTED);
    expect(pidOf(status())).not.toBe(killed);
  });

  it("stops by itself after its idle time", async () => {
    meshWith({}, ["server", "stop"]);
    const root = copyMesh();
    const out = mkdtempSync(join(tmpdir(), "out-"));
    const r = served(["plan", "--root", root, "--out", out], { MESH_SERVER_IDLE_SECONDS: "1" });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/it stops after 1 idle second, or with `mesh server stop`/);
    expect(await until(() => status().startsWith("No plan server"))).toBe(true);
  });

  it("stops the plan when its client is interrupted (Ctrl-C), as a plan in its own process would stop", async () => {
    meshWith({}, ["server", "stop"]);
    // The example mesh: its plan without the cache lasts long enough to be interrupted.
    const root = copyMeshRoot();
    const out = mkdtempSync(join(tmpdir(), "out-"));
    expect(served(["plan", "--root", root, "--out", out]).status).toBe(0);
    const pid = pidOf(status())!;
    const client: ChildProcess = spawn(process.execPath, [join(REPO, "cli", "bin", "mesh.js"), "plan", "--root", root, "--out", out, "--no-cache"], { env: { ...process.env, XDG_RUNTIME_DIR: runtime, MESH_SERVER: "1", ...SECRET }, stdio: "ignore" });
    // The server stages the plan in <out>/plan.tmp-<its pid> while it plans.
    expect(await until(() => existsSync(join(out, `plan.tmp-${pid}`)), 30_000)).toBe(true);
    client.kill("SIGINT");
    expect(await until(() => status().startsWith("No plan server"))).toBe(true);
    const gone = () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    };
    expect(await until(gone)).toBe(true);
    // The next plan starts a fresh server and succeeds.
    expect(served(["plan", "--root", root, "--out", out]).status).toBe(0);
  });

  it("never plans with code that is not on disk: after an edit to the blueprint the server restarts and the plan shows the edit", () => {
    const code = copyCode();
    const root = copyMesh();
    const out = mkdtempSync(join(tmpdir(), "out-"));
    const before = served(["plan", "--root", root, "--out", out, "--format", "json"], {}, code);
    expect(before.status, before.stderr).toBe(0);
    const firstPid = pidOf(status(code))!;
    expect(firstPid).toBeDefined();
    // A platform engineer changes the blueprint: every S3 bucket now says so in a tag.
    editCode(code, "components/src/aws/bucket.ts", "    tags: ctx.tags,", '    tags: { ...ctx.tags, "edited-by": "plan-server-test" },');
    const after = served(["plan", "--root", root, "--out", out, "--format", "json"], {}, code);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stderr).toMatch(STARTED);
    expect(pidOf(status(code))).not.toBe(firstPid);
    const manifests = readdirSync(join(out, "plan")).filter((f) => f.endsWith(".json") && f.includes("-"));
    const buckets = manifests.flatMap((f) => (JSON.parse(readFileSync(join(out, "plan", f), "utf8")).resources ?? []).filter((r: { type: string }) => r.type === "aws:s3/bucket:Bucket"));
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) expect(b.inputs.tags["edited-by"]).toBe("plan-server-test");
    // And exactly what the edited code plans in its own process.
    const own = mkdtempSync(join(tmpdir(), "out-own-"));
    expect(comparable(inProcess(["plan", "--root", root, "--out", own, "--format", "json"], code).stdout, own)).toBe(comparable(after.stdout, out));
    meshWith({}, ["server", "stop"], code);
  });

  it("mesh server stop during a plan lets it finish; a client waiting behind it is served by a fresh server", async () => {
    meshWith({}, ["server", "stop"]);
    // A generated 100-product mesh: its plan without the cache outlasts starting the `stop` command.
    const root = join(mkdtempSync(join(tmpdir(), "gen-")), "mesh");
    expect(meshWith({}, ["generate", "--domains", "5", "--products", "100", "--out", root]).status).toBe(0);
    const outs = [mkdtempSync(join(tmpdir(), "out-running-")), mkdtempSync(join(tmpdir(), "out-waiting-"))];
    expect(served(["plan", "--root", root, "--out", outs[0]!]).status).toBe(0);
    const pid = pidOf(status())!;
    const run = (out: string, extra: string[]) => servedAsync(["plan", "--root", root, "--out", out, ...extra]);
    const running = run(outs[0]!, ["--no-cache"]);
    expect(await until(() => existsSync(join(outs[0]!, `plan.tmp-${pid}`)), 30_000)).toBe(true);
    const waiting = run(outs[1]!, []);
    await new Promise((r) => setTimeout(r, 300));
    // Asked on the socket itself, not through `mesh server stop`: loading a CLI on a busy machine could outlast the
    // running plan, and the point is a stop that arrives while it runs.
    expect(await askDirectly({ type: "stop" })).toEqual([{ type: "stopping", pid, afterCurrentPlan: true }]);
    const [a, b] = await Promise.all([running, waiting]);
    expect([a.status, b.status], a.stderr + b.stderr).toEqual([0, 0]);
    // The waiting plan ran on a server started after the stop (never on the stopped one).
    expect(b.stderr).toMatch(STARTED);
    expect(pidOf(status())).not.toBe(pid);
    expect(readdirSync(join(outs[1]!, "plan")).filter((f) => f.endsWith(".json")).length).toBeGreaterThan(0);
  });

  it("a plan against a git ref starts no second server for the base's temporary checkout", () => {
    meshWith({}, ["server", "stop"]);
    const out = mkdtempSync(join(tmpdir(), "out-"));
    const r = served(["plan", "--base", "HEAD", "--out", out, "--stack", "orders-dev"]);
    expect(r.status, r.stderr).toBe(0);
    const sockets = readdirSync(join(runtime, `mesh-${process.getuid!()}`)).filter((f) => f.endsWith(".sock"));
    expect(sockets).toHaveLength(1);
  });

  it("keeps serving after the folder that started it is deleted, and writes with each client's umask (workers too)", () => {
    meshWith({}, ["server", "stop"]);
    const root = copyMesh();
    const gone = mkdtempSync(join(tmpdir(), "cwd-"));
    const first = spawnSync(process.execPath, [join(REPO, "cli", "bin", "mesh.js"), "plan", "--root", root, "--out", mkdtempSync(join(tmpdir(), "out-"))], { cwd: gone, encoding: "utf8", env: { ...process.env, XDG_RUNTIME_DIR: runtime, MESH_SERVER: "1", ...SECRET } });
    expect(first.status, first.stderr).toBe(0);
    rmSync(gone, { recursive: true });
    const out = mkdtempSync(join(tmpdir(), "out-"));
    const strict = spawnSync("sh", ["-c", `umask 077 && exec "${process.execPath}" "${join(REPO, "cli", "bin", "mesh.js")}" plan --root "${root}" --out "${out}"`], { cwd: REPO, encoding: "utf8", env: { ...process.env, XDG_RUNTIME_DIR: runtime, MESH_SERVER: "1", ...SECRET } });
    expect(strict.status, strict.stderr).toBe(0);
    expect(strict.stderr).not.toMatch(STARTED);
    const manifests = readdirSync(join(out, "plan")).filter((f) => f.endsWith(".json"));
    expect(manifests.length).toBeGreaterThan(0);
    for (const f of manifests) expect({ f, mode: (statSync(join(out, "plan", f)).mode & 0o777).toString(8) }).toEqual({ f, mode: "600" });
  });

  it("is off in scripts and CI unless asked for: a piped plan starts no server", () => {
    meshWith({}, ["server", "stop"]);
    const root = copyMesh();
    const out = mkdtempSync(join(tmpdir(), "out-"));
    const r = meshWith({}, ["plan", "--root", root, "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(STARTED);
    expect(status()).toBe(`No plan server runs for ${REPO}.\n`);
  });
});
