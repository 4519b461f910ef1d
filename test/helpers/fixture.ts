import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseDocument } from "yaml";

export const REPO = resolve(__dirname, "..", "..");
export const MINI = join(REPO, "test", "fixtures", "mini");

/** A throwaway copy of a mesh root that a test may break. */
export function copyMesh(source = MINI): string {
  const dir = mkdtempSync(join(tmpdir(), "mesh-"));
  cpSync(source, dir, { recursive: true, filter: (src) => !src.includes(`${source}/out`) });
  return dir;
}

/** A throwaway copy of a mesh root that also holds other things (the repository root): only mesh.yaml, domains/, stacks/. */
export function copyMeshRoot(source = REPO): string {
  const dir = mkdtempSync(join(tmpdir(), "mesh-"));
  for (const part of ["mesh.yaml", "domains", "stacks"]) cpSync(join(source, part), join(dir, part), { recursive: true });
  return dir;
}

/** Edits one YAML file of a mesh copy: `path` is a list of keys/indexes, `value` undefined deletes. */
export function setYaml(root: string, file: string, path: (string | number)[], value: unknown): void {
  const full = join(root, file);
  const doc = parseDocument(readFileSync(full, "utf8"));
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  writeFileSync(full, doc.toString());
}

export function writeFile(root: string, file: string, content: string): void {
  writeFileSync(join(root, file), content);
}

/** Contract files of a mesh root, relative to the repository (node 20 has no fs.globSync). */
export function contractFiles(meshRoot: string): string[] {
  const domainsDir = join(REPO, meshRoot, "domains");
  const out: string[] = [];
  for (const d of readdirSync(domainsDir).sort()) {
    const products = join(domainsDir, d, "products");
    if (!existsSync(products)) continue;
    for (const p of readdirSync(products).sort()) out.push(join(meshRoot, "domains", d, "products", p, "contract.odcs.yaml").replace(/^\.\//, ""));
  }
  return out;
}
