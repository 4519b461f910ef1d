import type { Command } from "commander";
import { CliError, EXIT } from "./errors";

/** What each path-taking option accepts, named in the message that refuses an empty value. */
const VALID: Record<string, string> = {
  out: "a folder, such as --out out (it is created if missing)",
  base: "a git ref, an earlier plan's output folder or another mesh root, such as --base origin/main",
  root: "the mesh root folder, such as --root .",
  data: "a .csv, .json or .parquet file, or a folder with one per port",
};

/**
 * Refuses an empty or blank path option of any command, before its action runs: `--out ""` would write into the
 * current folder and `--base ""` would compare the mesh with itself. One check for every command, so a new command
 * with `--out` gets it too.
 */
export function refuseEmptyPathOptions(cmd: Command): void {
  const values = cmd.opts() as Record<string, unknown>;
  for (const o of cmd.options) {
    const name = o.long?.slice(2);
    if (!name || !(name in VALID)) continue;
    const v = values[o.attributeName()];
    if (typeof v === "string" && v.trim() === "") throw new CliError(EXIT.config, `--${name} ${JSON.stringify(v)} is empty: pass ${VALID[name]}; nothing was written`);
  }
}
