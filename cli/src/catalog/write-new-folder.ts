import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { markOutput, swapInto } from "../plan/write";
import { type FolderContent, folderMaker } from "./update-folder";

/**
 * Writes `content` to a sibling folder of `dir`, marks it as the CLI's, and swaps it in place of `dir` (empty or
 * missing): a failure leaves no half-written folder behind.
 */
export function writeNewFolder(dir: string, content: FolderContent, what: string): void {
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const ensureFolder = folderMaker();
  try {
    for (const [rel, data] of content) {
      const file = join(staging, rel);
      ensureFolder(file);
      writeFileSync(file, data);
    }
    mkdirSync(staging, { recursive: true });
    markOutput(staging, what);
    swapInto(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
