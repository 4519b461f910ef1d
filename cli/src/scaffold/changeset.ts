import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { withLinksInto } from "@data-mesh/components/src/config/confine";
import { CliError, EXIT } from "../errors";

/** One file a command writes: a new one (never over an existing file), or an edit of an existing one. */
export interface FileChange {
  /** Relative to the mesh root, with forward slashes. */
  path: string;
  content: string;
  edit?: boolean;
}

/** What of a mesh root the checks read; the overlay mirrors only these. */
const MESH_ENTRIES = ["mesh.yaml", "domains", "stacks"];

/**
 * A view of the mesh root with the changes applied, built from symlinks in a temporary folder: the full checks
 * run on it as if the files were written, and the real root is untouched until they pass.
 */
function overlay(root: string, changes: FileChange[]): string {
  const dir = mkdtempSync(join(tmpdir(), "mesh-new-"));
  const touched = (rel: string) => changes.some((c) => c.path === rel || c.path.startsWith(`${rel}/`));
  const mirror = (rel: string) => {
    const src = join(root, rel);
    const dst = join(dir, rel);
    if (!touched(rel)) return symlinkSync(src, dst);
    if (!lstatSync(src).isDirectory()) return; // an edited file: written below
    mkdirSync(dst, { recursive: true });
    for (const name of readdirSync(src)) mirror(`${rel}/${name}`);
  };
  for (const entry of MESH_ENTRIES) if (existsSync(join(root, entry))) mirror(entry);
  for (const c of changes) {
    mkdirSync(dirname(join(dir, c.path)), { recursive: true });
    writeFileSync(join(dir, c.path), c.content);
  }
  return dir;
}

/** The outermost folder (or the file) a new file brings into existence: renaming it publishes the file at once. */
function newTop(root: string, path: string): string {
  const parts = path.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join("/");
    if (!existsSync(join(root, rel))) return rel;
  }
  return path;
}

/**
 * Writes `changes` into the mesh root only if `check` passes on the result, and all or nothing: files are staged
 * in a folder inside the root, then renamed into place (a rename within one file system is atomic); a failure
 * part-way removes what was placed and restores edited files.
 */
export function applyChanges(root: string, changes: FileChange[], check: (overlayRoot: string) => void): void {
  const exists = changes.filter((c) => !c.edit && existsSync(join(root, c.path)));
  if (exists.length > 0) throw new CliError(EXIT.config, `${exists.map((c) => c.path).join(", ")} already exist(s); nothing was written (existing files are never overwritten)`);
  const view = overlay(root, changes);
  try {
    // The overlay is links into the real root: they stay inside the mesh for this check.
    withLinksInto(root, () => check(view));
  } finally {
    rmSync(view, { recursive: true, force: true });
  }
  const stage = mkdtempSync(join(root, ".mesh-new-"));
  const placed: string[] = [];
  const originals = new Map<string, string>();
  try {
    for (const c of changes) {
      mkdirSync(dirname(join(stage, c.path)), { recursive: true });
      writeFileSync(join(stage, c.path), c.content);
    }
    const tops = [...new Set(changes.filter((c) => !c.edit).map((c) => newTop(root, c.path)))];
    for (const top of tops) {
      mkdirSync(dirname(join(root, top)), { recursive: true });
      renameSync(join(stage, top), join(root, top));
      placed.push(top);
    }
    for (const c of changes.filter((x) => x.edit)) {
      originals.set(c.path, readFileSync(join(root, c.path), "utf8"));
      renameSync(join(stage, c.path), join(root, c.path));
    }
  } catch (e) {
    for (const top of placed) rmSync(join(root, top), { recursive: true, force: true });
    for (const [path, text] of originals) writeFileSync(join(root, path), text);
    throw e;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Paths as the user reads them. */
export function listed(changes: FileChange[]): string {
  return changes.map((c) => `  ${c.edit ? "edited " : "created"} ${c.path.split("/").join(sep)}`).join("\n");
}
