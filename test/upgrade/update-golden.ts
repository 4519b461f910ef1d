// `npm run golden:update`: when the platform team releases a blueprint version, plan the example meshes and keep
// their manifests as that release's golden plan. The upgrade test compares every later blueprint against it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BLUEPRINT_VERSION } from "../../components/src/version";
import { EXAMPLE_MESHES } from "./meshes";

const REPO = resolve(__dirname, "..", "..");
for (const mesh of EXAMPLE_MESHES) {
  const out = mkdtempSync(join(tmpdir(), "golden-"));
  const run = spawnSync(process.execPath, [join(REPO, "cli", "bin", "mesh.js"), "plan", "--root", mesh.root, "--out", out, "--no-cache", "--format", "json"], { cwd: REPO, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`planning ${mesh.name} failed: ${run.stderr}`);
  const target = join(REPO, "test", "upgrade", "golden", `v${BLUEPRINT_VERSION}`, mesh.name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const f of readdirSync(join(out, "plan")).filter((f) => f.endsWith(".json") && f !== "summary.json")) copyFileSync(join(out, "plan", f), join(target, f));
  // The summary only marks the folder as a plan output; drop the machine-specific root path.
  const summary = JSON.parse(readFileSync(join(out, "plan", "summary.json"), "utf8"));
  writeFileSync(join(target, "summary.json"), JSON.stringify({ ...summary, root: mesh.root }, null, 2));
  rmSync(out, { recursive: true, force: true });
  console.log(`golden plan of ${mesh.name} written to ${target}`);
}
