import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliRun } from "./cli";
import { REPO } from "./fixture";

const ROOT_FILES = ["package.json", "package-lock.json", "tsconfig.json", "index.ts", "Pulumi.yaml"];
/** Every workspace of the repository (the blueprint reads quality/package.json for the runner's version). */
const WORKSPACES = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { workspaces: string[] }).workspaces;

/**
 * A throwaway copy of the platform's code (the program, the blueprint and the CLI) that a test may edit, as a
 * platform engineer edits the blueprint. Third-party packages are linked from this checkout; the workspace
 * packages point at the copy, so the copy's CLI plans with the copy's components.
 */
export function copyCode(): string {
  const dir = mkdtempSync(join(tmpdir(), "mesh-code-"));
  for (const f of ROOT_FILES) cpSync(join(REPO, f), join(dir, f));
  for (const ws of WORKSPACES) cpSync(join(REPO, ws), join(dir, ws), { recursive: true, filter: (src) => !src.includes("node_modules") });
  for (const ws of WORKSPACES) {
    const nested = join(REPO, ws, "node_modules");
    if (readdirSync(join(REPO, ws)).includes("node_modules")) symlinkSync(nested, join(dir, ws, "node_modules"));
  }
  mkdirSync(join(dir, "node_modules", "@data-mesh"), { recursive: true });
  for (const entry of readdirSync(join(REPO, "node_modules"))) {
    if (entry === "@data-mesh") continue;
    symlinkSync(join(REPO, "node_modules", entry), join(dir, "node_modules", entry));
  }
  for (const ws of WORKSPACES) symlinkSync(join(dir, ws), join(dir, "node_modules", "@data-mesh", ws));
  return dir;
}

/** Replaces one exact piece of text in a file of a code copy, failing when the text is not there. */
export function editCode(codeDir: string, file: string, from: string, to: string): void {
  const full = join(codeDir, file);
  const text = readFileSync(full, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(full, text.replace(from, to));
}

/** Runs the `mesh` command of a code copy. */
export function meshOf(codeDir: string, args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(codeDir, "cli", "bin", "mesh.js"), ...args], { cwd: codeDir, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
