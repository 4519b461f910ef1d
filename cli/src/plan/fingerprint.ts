import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../paths";

/** Everything besides a stack's own config that decides its manifest: the program, the blueprint, the lockfile and the recorder. */
const CODE_PATHS = ["index.ts", "Pulumi.yaml", "package-lock.json", "components/package.json", "components/src", "components/schemas", "components/policies", "cli/src/plan", "cli/src/diff/cost.ts"];

function filesUnder(path: string): string[] {
  const full = join(REPO_ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The files the code fingerprint covers, relative to the repository (policy docs and package files excluded). */
export function fingerprintedFiles(): string[] {
  return CODE_PATHS.flatMap(filesUnder).map((f) => relative(REPO_ROOT, f));
}

let cached: string | undefined;

/** A hash of every code file that shapes a manifest; any edit to the blueprint invalidates every cached stack. */
export function codeFingerprint(): string {
  if (!cached) {
    const hash = createHash("sha256");
    for (const file of fingerprintedFiles()) hash.update(file).update("\0").update(readFileSync(join(REPO_ROOT, file))).update("\0");
    cached = hash.digest("hex");
  }
  return cached;
}

/** The cache key of one stack: the code, the stack's config, and its fully resolved spec (which includes what it reads from other domains). */
export function stackFingerprint(code: string, config: Record<string, string>, spec: unknown): string {
  return createHash("sha256").update(code).update(JSON.stringify(config)).update(JSON.stringify(spec)).digest("hex");
}
