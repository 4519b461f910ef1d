import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./fixture";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `mesh` binary as a user would, from the repository root. */
export function mesh(args: string[], cwd = REPO): CliRun {
  const r = spawnSync(process.execPath, [join(REPO, "cli", "bin", "mesh.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
