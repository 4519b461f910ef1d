import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OUTPUT_MARKER } from "../plan/write";

/** The files a folder should hold, by path relative to it ("/"-separated). */
export type FolderContent = Map<string, string | Buffer>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((rel) => rel !== OUTPUT_MARKER);
}

function sameContent(file: string, content: string | Buffer): boolean {
  try {
    const now = readFileSync(file);
    return typeof content === "string" ? now.length === Buffer.byteLength(content) && now.toString("utf8") === content : now.equals(content);
  } catch {
    return false;
  }
}

/**
 * Creates the folder of each file it is given, once per folder: a 1,000-product site has ~1,050 pages in ~55
 * folders, and one mkdir per page was a measurable cost.
 */
export function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    if (!made.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
    made.add(dirname(file));
  };
}

/** Removes the folders under `dir` that a removal left empty (a domain that is gone). */
function pruneEmptyFolders(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = join(dir, e.name);
    pruneEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmdirSync(sub);
  }
}

/**
 * Brings an existing output folder (one the CLI wrote: it has the marker) to exactly `content`, writing only the
 * files whose bytes change and removing those no longer wanted. A re-plan after one contract changed rewrites a few
 * pages of a ~1,050-page site instead of all of them (docs/performance.md).
 *
 * All or nothing, like replacing the folder: every changed file is written to a staging folder first; then the
 * old versions are moved aside and the new ones moved in, and a failure moves every old version back. Returns how
 * many files were written or removed.
 */
export function updateFolder(dir: string, content: FolderContent): number {
  const staging = join(dir, `.update-${process.pid}`);
  const aside = join(dir, `.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  rmSync(aside, { recursive: true, force: true });
  const changed = [...content].filter(([rel, data]) => !sameContent(join(dir, rel), data)).map(([rel]) => rel);
  const removed = filesUnder(dir).filter((rel) => !content.has(rel));
  if (changed.length === 0 && removed.length === 0) return 0;
  const ensureFolder = folderMaker();
  const moved: string[] = [];
  const placed: string[] = [];
  try {
    for (const rel of changed) {
      ensureFolder(join(staging, rel));
      writeFileSync(join(staging, rel), content.get(rel)!);
    }
    for (const rel of [...changed, ...removed]) {
      if (!existsSync(join(dir, rel))) continue;
      ensureFolder(join(aside, rel));
      renameSync(join(dir, rel), join(aside, rel));
      moved.push(rel);
    }
    for (const rel of changed) {
      ensureFolder(join(dir, rel));
      renameSync(join(staging, rel), join(dir, rel));
      placed.push(rel);
    }
  } catch (e) {
    for (const rel of placed) rmSync(join(dir, rel), { force: true });
    for (const rel of moved) renameSync(join(aside, rel), join(dir, rel));
    rmSync(staging, { recursive: true, force: true });
    rmSync(aside, { recursive: true, force: true });
    throw e;
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(aside, { recursive: true, force: true });
  if (removed.length > 0) pruneEmptyFolders(dir);
  return changed.length + removed.length;
}
