import { accessSync, constants, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import type { Doc, GenMesh, MeshFiles } from "./mesh-model";

/** YAML as a team would write it; `lineWidth: 0` keeps long strings on one line. */
export function toYaml(doc: unknown): string {
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** The files of a generated mesh root: mesh.yaml, every domain and product, and a stack file per stack. */
export function meshFiles(gen: GenMesh): MeshFiles {
  const files: MeshFiles = { "mesh.yaml": toYaml(gen.mesh), domains: null, stacks: null };
  for (const d of gen.domains) {
    files[`domains/${d.folder}/domain.yaml`] = toYaml(d.domain);
    for (const p of d.products) {
      files[`domains/${d.folder}/products/${p.folder}/product.yaml`] = toYaml(p.product);
      files[`domains/${d.folder}/products/${p.folder}/contract.odcs.yaml`] = toYaml(p.contract);
    }
    for (const env of Object.keys((d.domain.environments ?? {}) as Doc)) {
      files[`stacks/Pulumi.${d.folder}-${env}.yaml`] = toYaml({ config: { "mesh:domain": d.folder, "mesh:env": env } });
    }
  }
  for (const env of Object.keys((gen.mesh.environments ?? {}) as Doc)) {
    files[`stacks/Pulumi.platform-${env}.yaml`] = toYaml({ config: { "mesh:domain": "platform", "mesh:env": env } });
  }
  return files;
}

/**
 * Where case roots are written: memory (/dev/shm) where there is one, as writing ~20 files per case to a disk-backed
 * /tmp costs ten times more than loading them. FUZZ_TMPDIR overrides it.
 */
export function scratchDir(): string {
  if (process.env.FUZZ_TMPDIR) return process.env.FUZZ_TMPDIR;
  try {
    accessSync("/dev/shm", constants.W_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
}

/** Replaces the contents of `root` with `files`. */
export function writeMeshRoot(root: string, files: MeshFiles): void {
  for (const entry of readdirSync(root)) rmSync(join(root, entry), { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (content === null) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
}
