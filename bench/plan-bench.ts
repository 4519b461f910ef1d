// `npm run bench`: times cold, unchanged and one-changed plans of synthetic meshes, with the peak resident memory of
// the whole process tree (CLI + plan workers), each against a reference workload measured IN THE SAME RUN: an AWS
// CDK synth of an equivalent blueprint (bench/cdk-reference/app.js). On a shared machine only such same-run ratios
// compare across runs. A benchmark, not a test: it asserts nothing. See docs/performance.md.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { generateMesh } from "../cli/src/generate/synthetic-mesh";
import { WORKER_ARGS } from "../cli/src/plan/pool";

const CLI = join(__dirname, "..", "cli", "bin", "mesh.js");
const CDK_APP = join(__dirname, "cdk-reference", "app.js");
/** The reference's exact versions: installed on the first bench run only, so `npm ci` stays lean. */
const CDK_PACKAGES = ["aws-cdk-lib@2.276.0", "constructs@10.8.1"];
const CDK_CACHE = join(__dirname, ".cache", `cdk-${CDK_PACKAGES.join("-").replace(/[@/]/g, "_")}`);

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return total;
}

interface Run {
  wallMs: number;
  peakRssMb: number;
  stderr: string;
}

/** Runs a command to its end, sampling the tree's memory every 25 ms; rejects on a non-zero exit. */
function measure(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let peak = 0;
    let stdout = "";
    let stderr = "";
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 25);
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${args.slice(0, 3).join(" ")} exited ${code}: ${stderr.slice(-800)}`));
      resolve({ wallMs: Number(process.hrtime.bigint() - started) / 1e6, peakRssMb: Math.round(peak / 2 ** 20), stderr, stdout });
    });
  });
}

const planOnce = (root: string, out: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) => measure([CLI, "plan", "--root", root, "--out", out, "--format", "json", ...extra], { MESH_TIMING: "1", ...env });
const timingLines = (r: Run) => r.stderr.split("\n").filter((l) => l.startsWith("[timing]"));

/** Milliseconds between two phases of a plan's timing profile (MESH_TIMING lines). */
function phaseMs(timings: string[], from: string, to: string): number {
  const at = (phase: string) => Number(timings.find((t) => t.endsWith(`  ${phase}`))?.match(/\[timing\]\s+(\d+) ms/)?.[1] ?? NaN);
  return at(to) - at(from);
}

/** aws-cdk-lib and constructs at the pinned versions, in a gitignored folder; installed once. */
function ensureCdk(): string {
  const modules = join(CDK_CACHE, "node_modules");
  if (!existsSync(join(modules, "aws-cdk-lib", "package.json"))) {
    mkdirSync(CDK_CACHE, { recursive: true });
    console.error(`Installing the reference workload (${CDK_PACKAGES.join(", ")}) into ${CDK_CACHE} (first bench run only)…`);
    execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", CDK_CACHE, ...CDK_PACKAGES], { stdio: ["ignore", "ignore", "inherit"] });
  }
  return modules;
}

/** One CDK synth of `products` products in `domains` stacks: the reference for every figure of that size. */
async function cdkSynth(modules: string, domains: number, products: number): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), "mesh-bench-cdk-"));
  try {
    return await measure([CDK_APP, String(domains), String(products), join(out, "cdk.out")], { NODE_PATH: modules, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: "1" });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The SDK floor (bench/sdk-floor.js): the custom resources a plan recorded, registered again through their provider
 * classes and the SDK's registration path only, split like the plan (one process per worker, stack by stack, the
 * workers' V8 flags). What no change to the components or the plan engine can go below.
 */
async function sdkFloor(planDir: string, workers: number): Promise<Run & { resources: number }> {
  const v8Flags = WORKER_ARGS.filter((a, i) => a.startsWith("--") && a !== "--require" && WORKER_ARGS[i - 1] !== "--require");
  const started = process.hrtime.bigint();
  const runs = await Promise.all(Array.from({ length: workers }, (_, k) => measure(["--require", require.resolve("tsx/cjs"), ...v8Flags, join(__dirname, "sdk-floor.js"), planDir, String(k), String(workers)])));
  return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, peakRssMb: runs.reduce((n, r) => n + r.peakRssMb, 0), stderr: "", resources: runs.reduce((n, r) => n + Number(r.stdout.split(" ")[0]), 0) };
}

/** Changes one product's contract (its description), as a domain team editing a contract would; `edit` tells edits apart. */
function touchOneContract(root: string, edit = 1): void {
  const domain = readdirSync(join(root, "domains")).sort()[1]!;
  const product = readdirSync(join(root, "domains", domain, "products")).sort()[0]!;
  const file = join(root, "domains", domain, "products", product, "contract.odcs.yaml");
  const text = readFileSync(file, "utf8");
  const next = text.replace(/(?:One|Exactly one \(edit \d+\)) row per/, `Exactly one (edit ${edit}) row per`);
  if (next === text) throw new Error(`${file}: no description to edit`);
  writeFileSync(file, next);
}

/** The resident plan server's process (not a child of the client that started it), from `mesh server status`. */
function serverPid(env: NodeJS.ProcessEnv): number | undefined {
  const status = execFileSync(process.execPath, [CLI, "server", "status"], { encoding: "utf8", env: { ...process.env, ...env } });
  const pid = status.match(/pid (\d+)/)?.[1];
  return pid ? Number(pid) : undefined;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Whether this CLI can plan one shard of a mesh (`mesh plan --shard K/N`) and merge shards (`mesh plan merge`). */
function shardingAvailable(): boolean {
  const help = execFileSync(process.execPath, [CLI, "plan", "--help"], { encoding: "utf8" });
  return help.includes("--shard");
}

/** 10,000 products planned as 8 shards one after another (as 8 CI runners would), then merged. */
async function shardedRow(): Promise<string> {
  if (!shardingAvailable()) return "10,000 products sharded 8 ways: not available (needs `mesh plan --shard K/N` and `mesh plan merge`)";
  const dir = mkdtempSync(join(tmpdir(), "mesh-bench-"));
  try {
    const root = join(dir, "mesh");
    generateMesh({ domains: 500, products: 10_000, out: root });
    // One secret key for all shards, as a CI workflow sets MESH_SECRET_KEY for its whole matrix.
    const env = { MESH_SECRET_KEY: "bench-shards" };
    const shards: Run[] = [];
    for (let k = 1; k <= 8; k++) shards.push(await planOnce(root, join(dir, `shard-${k}`), ["--shard", `${k}/8`], env));
    const merge = await measure([CLI, "plan", "merge", ...shards.map((_, k) => join(dir, `shard-${k + 1}`)), "--root", root, "--out", join(dir, "merged"), "--format", "json"], env);
    const slowest = Math.max(...shards.map((s) => s.wallMs));
    const total = shards.reduce((n, s) => n + s.wallMs, 0);
    return table(["10,000 products, 8 shards", "wall s", "peak RSS MB"], [
      ["slowest shard", seconds(slowest), String(Math.max(...shards.map((s) => s.peakRssMb)))],
      ["all 8 shards, one after another", seconds(total), "—"],
      ["merge", seconds(merge.wallMs), String(merge.peakRssMb)],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cdk = ensureCdk();
  const rows: string[][] = [];
  const references: string[][] = [];
  const profiles: string[] = [];
  const catalogRows: string[][] = [];
  for (const [domains, products] of [[5, 100], [50, 1000]] as const) {
    const dir = mkdtempSync(join(tmpdir(), "mesh-bench-"));
    try {
      const root = join(dir, "mesh");
      const out = join(dir, "out");
      generateMesh({ domains, products, out: root });
      // The reference runs before and after the plans; their mean is the yardstick of this size.
      const refBefore = await cdkSynth(cdk, domains, products);
      const cold = await planOnce(root, out);
      const cached = await planOnce(root, out);
      touchOneContract(root);
      const incremental = await planOnce(root, out);
      // The same through the resident plan server (what `mesh plan` does at a terminal): the first plan starts it.
      const serverEnv = { MESH_SERVER: "1", XDG_RUNTIME_DIR: mkdtempSync(join(tmpdir(), "mesh-bench-xdg-")) };
      const outServed = join(dir, "out-served");
      const serverCold = await planOnce(root, outServed, [], serverEnv);
      const serverCached = await planOnce(root, outServed, [], serverEnv);
      touchOneContract(root, 2);
      const serverIncremental = await planOnce(root, outServed, [], serverEnv);
      const pid = serverPid(serverEnv);
      const serverRssMb = pid ? Math.round(treeRss(pid) / 2 ** 20) : NaN;
      execFileSync(process.execPath, [CLI, "server", "stop"], { env: { ...process.env, ...serverEnv } });
      const summaryNow = JSON.parse(readFileSync(join(out, "plan", "summary.json"), "utf8"));
      const floor = await sdkFloor(join(out, "plan"), Math.min(availableParallelism(), summaryNow.totals.stacks));
      const refAfter = await cdkSynth(cdk, domains, products);
      const refMs = (refBefore.wallMs + refAfter.wallMs) / 2;
      const refMb = (refBefore.peakRssMb + refAfter.peakRssMb) / 2;
      const summary = JSON.parse(readFileSync(join(out, "plan", "summary.json"), "utf8"));
      const label = `${products} products (${summary.totals.resources} resources, ${summary.totals.stacks} stacks)`;
      references.push([`${products} products (${products * 9} resources, ${domains} stacks)`, `${seconds(refBefore.wallMs)}, ${seconds(refAfter.wallMs)}`, `${refBefore.peakRssMb}, ${refAfter.peakRssMb}`]);
      for (const [plan, r] of [["cold", cold], ["unchanged (cache)", cached], ["one contract changed", incremental]] as const) {
        rows.push([label, plan, seconds(r.wallMs), ratio(r.wallMs, refMs), String(r.peakRssMb), ratio(r.peakRssMb, refMb)]);
      }
      rows.push([label, `SDK floor: its ${floor.resources} provider resources, SDK path only`, seconds(floor.wallMs), ratio(floor.wallMs, refMs), String(floor.peakRssMb), ratio(floor.peakRssMb, refMb)]);
      // The client's memory is not the plan's: the server's whole tree, sampled once after its plans, stands for it.
      for (const [plan, r] of [["cold, plan server (started by this plan)", serverCold], ["unchanged, plan server", serverCached], ["one contract changed, plan server", serverIncremental]] as const) {
        rows.push([label, plan, seconds(r.wallMs), ratio(r.wallMs, refMs), `server ${serverRssMb}`, ratio(serverRssMb, refMb)]);
      }
      const catalogInPlanMs = phaseMs(timingLines(cold), "written", "catalog written");
      catalogRows.push([label, seconds(catalogInPlanMs), `${((catalogInPlanMs / cold.wallMs) * 100).toFixed(1)}%`, seconds(phaseMs(timingLines(incremental), "written", "catalog written"))]);
      profiles.push(`${label}, cold:\n${timingLines(cold).map((t) => `  ${t}`).join("\n")}`);
      profiles.push(`${label}, one contract changed:\n${timingLines(incremental).map((t) => `  ${t}`).join("\n")}`);
      profiles.push(`${label}, one contract changed, plan server:\n${timingLines(serverIncremental).map((t) => `  ${t}`).join("\n")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log("Reference, same run: AWS CDK synth of an equivalent blueprint (bench/cdk-reference/app.js), before and after the plans");
  console.log(table(["mesh", "CDK synth wall s", "CDK peak RSS MB"], references));
  console.log("\nmesh plan (ratios: to the mean of the two reference runs of the same size)");
  console.log(table(["mesh", "plan", "wall s", "× CDK", "peak tree RSS MB", "× CDK RSS"], rows));
  // The catalog site (out/catalog) is written after the plan from the validated model and the plan's summary.
  console.log(`\n${table(["mesh", "catalog s (cold plan)", "of the cold plan", "catalog s (one changed)"], catalogRows)}`);
  console.log(`\n${await shardedRow()}`);
  console.log("\nWhere the time goes (milliseconds since start):");
  console.log(profiles.join("\n"));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
