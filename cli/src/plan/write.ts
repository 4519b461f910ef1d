import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";

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
  const createdParent = existsSync(parent) ? undefined : parent;
  const dir = `${outDir}.tmp-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { dir, outDir, createdParent };
}

export function commitStaging(staging: Staging): void {
  rmSync(staging.outDir, { recursive: true, force: true });
  renameSync(staging.dir, staging.outDir);
}

export function discardStaging(staging: Staging): void {
  rmSync(staging.dir, { recursive: true, force: true });
  if (staging.createdParent && readdirSync(staging.createdParent).length === 0) rmSync(staging.createdParent, { recursive: true });
}
