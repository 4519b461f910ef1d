// `npm run bench`: times cold and incremental plans of synthetic meshes and reports wall time and the peak
// resident memory of the whole process tree (CLI + plan workers). A benchmark, not a test: it asserts nothing.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateMesh } from "../cli/src/generate/synthetic-mesh";

const CLI = join(__dirname, "..", "cli", "bin", "mesh.js");

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
  timings: string[];
}

function planOnce(root: string, out: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, "plan", "--root", root, "--out", out, "--format", "json"], { env: { ...process.env, MESH_TIMING: "1" }, stdio: ["ignore", "ignore", "pipe"] });
    let peak = 0;
    let stderr = "";
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 25);
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`plan exited ${code}: ${stderr.slice(-500)}`));
      resolve({ wallMs: Number(process.hrtime.bigint() - started) / 1e6, peakRssMb: Math.round(peak / 2 ** 20), timings: stderr.split("\n").filter((l) => l.startsWith("[timing]")) });
    });
  });
}

/** Milliseconds between two phases of a plan's timing profile (MESH_TIMING lines). */
function phaseMs(timings: string[], from: string, to: string): number {
  const at = (phase: string) => Number(timings.find((t) => t.endsWith(`  ${phase}`))?.match(/\[timing\]\s+(\d+) ms/)?.[1] ?? NaN);
  return at(to) - at(from);
}

/** `mesh catalog` on its own: a process that loads the mesh and the last plan's summary, and writes the site. */
function catalogOnce(root: string, out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, "catalog", "--root", root, "--out", out], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`catalog exited ${code}: ${stderr.slice(-500)}`))));
  });
}

/** Changes one product's contract (its description), as a domain team editing a contract would. */
function touchOneContract(root: string): void {
  const domain = readdirSync(join(root, "domains")).sort()[1]!;
  const product = readdirSync(join(root, "domains", domain, "products")).sort()[0]!;
  const file = join(root, "domains", domain, "products", product, "contract.odcs.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("One row per", "Exactly one row per"));
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  const profiles: string[] = [];
  const catalogRows: string[][] = [];
  for (const [domains, products] of [[5, 100], [50, 1000]] as const) {
    const dir = mkdtempSync(join(tmpdir(), "mesh-bench-"));
    const root = join(dir, "mesh");
    const out = join(dir, "out");
    generateMesh({ domains, products, out: root });
    const cold = await planOnce(root, out);
    const catalogInPlanMs = phaseMs(cold.timings, "written", "catalog written");
    const catalogAloneMs = await catalogOnce(root, out);
    const cached = await planOnce(root, out);
    touchOneContract(root);
    const incremental = await planOnce(root, out);
    const summary = JSON.parse(readFileSync(join(out, "plan", "summary.json"), "utf8"));
    const label = `${products} products (${summary.totals.resources} resources, ${summary.totals.stacks} stacks)`;
    rows.push([label, "cold", (cold.wallMs / 1000).toFixed(2), String(cold.peakRssMb)]);
    rows.push([label, "unchanged (cache)", (cached.wallMs / 1000).toFixed(2), String(cached.peakRssMb)]);
    rows.push([label, "one contract changed", (incremental.wallMs / 1000).toFixed(2), String(incremental.peakRssMb)]);
    catalogRows.push([label, (catalogInPlanMs / 1000).toFixed(2), `${((catalogInPlanMs / cold.wallMs) * 100).toFixed(1)}%`, (catalogAloneMs / 1000).toFixed(2)]);
    profiles.push(`${label}, cold:\n${cold.timings.map((t) => `  ${t}`).join("\n")}`);
    profiles.push(`${label}, one contract changed:\n${incremental.timings.map((t) => `  ${t}`).join("\n")}`);
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ["mesh", "plan", "wall s", "peak RSS MB"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
  // The catalog site (out/catalog) is written after the plan from the validated model and the plan's summary.
  const catalogHeader = ["mesh", "catalog s (in the cold plan)", "of the cold plan", "mesh catalog alone s (process)"];
  const cw = catalogHeader.map((h, i) => Math.max(h.length, ...catalogRows.map((r) => r[i]!.length)));
  const cline = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(cw[i]!)).join(" | ")} |`;
  console.log(`\n${cline(catalogHeader)}`);
  console.log(`|${cw.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of catalogRows) console.log(cline(r));
  console.log("\nWhere the time goes (milliseconds since start):");
  console.log(profiles.join("\n"));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
