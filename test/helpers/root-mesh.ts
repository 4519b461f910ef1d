import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./fixture";

/** A throwaway copy of the e-commerce mesh at the repository root (mesh.yaml, domains/, stacks/ only). */
export function copyRootMesh(): string {
  const dir = mkdtempSync(join(tmpdir(), "mesh-shop-"));
  for (const part of ["mesh.yaml", "domains", "stacks"]) cpSync(join(REPO, part), join(dir, part), { recursive: true });
  return dir;
}
