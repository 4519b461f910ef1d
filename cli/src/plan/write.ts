import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Writes all files of a plan into a fresh sibling folder and swaps it in at the end, so a failed plan never
 * leaves a mix of old and new manifests behind.
 */
export function writeAtomically(outDir: string, files: Record<string, string>): void {
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content);
  mkdirSync(dirname(outDir), { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
}
