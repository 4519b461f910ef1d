import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { markOutput, swapInto } from "../plan/write";
import type { FolderContent } from "./update-folder";

/**
 * Writes `content` to a sibling folder of `dir`, marks it as the CLI's, and swaps it in place of `dir` (empty or
 * missing): a failure leaves no half-written folder behind.
 */
export function writeNewFolder(dir: string, content: FolderContent, what: string): void {
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // One mkdir per folder, not per page (a 1,000-product site has ~1,050 pages in ~55 folders).
  const made = new Set<string>();
  try {
    for (const [rel, data] of content) {
      const file = join(staging, rel);
      if (!made.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
      made.add(dirname(file));
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
