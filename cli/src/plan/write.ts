import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CliError, EXIT } from "../errors";

/**
 * Every folder the CLI replaces as a whole (<out>/plan, <out>/catalog) carries this file. A folder without it that
 * holds anything is someone else's, and is never replaced: `--out ~` must not delete a home folder's `plan/`.
 */
export const OUTPUT_MARKER = ".mesh-output";

/** `--out` (or one of its parents) must be a folder or not exist yet: a file there is refused before any work. */
export function assertOutFolder(out: string): void {
  for (let dir = resolve(out); ; dir = dirname(dir)) {
    let st;
    try {
      st = statSync(dir);
    } catch {
      // Missing, or under a file (ENOTDIR): the parent says which.
    }
    if (st) {
      if (!st.isDirectory()) throw new CliError(EXIT.config, `--out ${out}: ${dir} is a file, not a folder; pass --out a folder (it is created if missing)`);
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

/** Refuses to replace `dir` unless the CLI wrote it (it has the marker) or it is empty. */
export function assertReplaceable(dir: string): void {
  assertOutFolder(dirname(dir));
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) return;
  if (!st.isDirectory()) throw new CliError(EXIT.config, `${dir} is a file, and mesh writes a folder there: move the file away or pass another --out`);
  if (existsSync(join(dir, OUTPUT_MARKER))) return;
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  const earlier = entries.includes("summary.json") || entries.includes("index.html") ? " (if an earlier mesh version wrote it, delete it once)" : "";
  throw new CliError(EXIT.config, `${dir} holds files mesh did not write (it has no ${OUTPUT_MARKER}), and mesh would replace the whole folder: move it away or pass another --out${earlier}`);
}

/** Writes the marker into a folder about to become an output folder. */
export function markOutput(dir: string, what: string): void {
  writeFileSync(join(dir, OUTPUT_MARKER), `Written by the mesh CLI (${what}); the next run replaces this folder as a whole.\n`);
}

/**
 * Swaps a fully written staging folder in place of `dir`: the old folder is moved aside first and restored if the
 * swap fails, so `dir` always holds either the previous output or the new one, never a mix and never nothing.
 */
export function swapInto(staging: string, dir: string): void {
  assertReplaceable(dir);
  const aside = `${dir}.old-${process.pid}`;
  rmSync(aside, { recursive: true, force: true });
  const hadOld = existsSync(dir);
  if (hadOld) renameSync(dir, aside);
  try {
    renameSync(staging, dir);
  } catch (e) {
    if (hadOld) renameSync(aside, dir);
    throw e;
  }
  rmSync(aside, { recursive: true, force: true });
}

/**
 * A plan writes into a fresh sibling folder of its output and swaps it in only when every stack succeeded,
 * so a failed plan never leaves a mix of old and new manifests behind — nor an empty output folder.
 */
export interface Staging {
  dir: string;
  outDir: string;
  /** The output's parent folder, when this plan created it. */
  createdParent?: string;
}

export function createStaging(outDir: string): Staging {
  const parent = dirname(outDir);
  // Refused before any planning work: a folder the plan could not replace at the end.
  assertReplaceable(outDir);
  const createdParent = existsSync(parent) ? undefined : parent;
  const dir = `${outDir}.tmp-${process.pid}`;
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    markOutput(dir, "mesh plan");
  } catch (e) {
    discardStaging({ dir, outDir, createdParent });
    throw e;
  }
  return { dir, outDir, createdParent };
}

export function commitStaging(staging: Staging): void {
  swapInto(staging.dir, staging.outDir);
}

export function discardStaging(staging: Staging): void {
  rmSync(staging.dir, { recursive: true, force: true });
  if (staging.createdParent && existsSync(staging.createdParent) && readdirSync(staging.createdParent).length === 0) rmSync(staging.createdParent, { recursive: true });
}
