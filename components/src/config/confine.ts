import { readdirSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { ConfigError } from "./errors";

/**
 * A mesh root is a repository folder: everything the loader reads must be inside it. A symbolic link that resolves
 * outside (a product folder linked to /etc, a contract linked to /etc/passwd) is refused before it is read; links
 * that stay inside the root are fine (a shared sample folder, for instance).
 */
function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function inside(realRoot: string, target: string): boolean {
  const rel = relative(realRoot, target);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Real folders a mesh root may also link into. `mesh new` checks an overlay: a temporary mesh root made of links
 * into the real one, so for the time of that check the real root counts as inside.
 */
const linkedRoots = new Set<string>();

export function withLinksInto<T>(root: string, check: () => T): T {
  const real = realOrUndefined(root);
  if (!real) return check();
  linkedRoots.add(real);
  try {
    return check();
  } finally {
    linkedRoots.delete(real);
  }
}

/**
 * Throws a ConfigError naming `display` when `path` resolves outside `root`. A path that does not exist (or a
 * dangling link) passes: the read that follows reports it as missing.
 */
export function assertInsideRoot(root: string, path: string, display: string): void {
  const realRoot = realOrUndefined(root);
  const target = realOrUndefined(path);
  if (!realRoot || !target || inside(realRoot, target) || [...linkedRoots].some((r) => inside(r, target))) return;
  throw new ConfigError(display, "", `is a symbolic link to ${target}, outside the mesh root; the mesh reads only files inside its root: replace the link with the file or folder itself`);
}

/** Every symbolic link under a folder of the root (a product folder: its sample data, docs…) must stay inside the root. */
export function assertTreeInsideRoot(root: string, dir: string, display: string): void {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isSymbolicLink()) continue;
    const full = join(e.parentPath, e.name);
    assertInsideRoot(root, full, `${display}/${relative(join(root, dir), full)}`);
  }
}
