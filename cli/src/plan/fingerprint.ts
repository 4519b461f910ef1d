import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../paths";

/**
 * What the code fingerprint covers, derived rather than listed so that a new module cannot be forgotten:
 * - every file of every npm workspace of the repository (components/ and cli/ today: the blueprint, its schemas,
 *   defaults, parsers, policies and price table, and the whole CLI that shapes manifests), except node_modules;
 * - the root files that decide how that code is loaded and run: package.json, its `main` (the Pulumi program),
 *   Pulumi.yaml, tsconfig.json (read by the TypeScript loader), the lockfile and the tree npm actually installed
 *   (node_modules/.package-lock.json);
 * - the Node.js version (its V8 and ICU shape serialisation, sorting and string handling).
 * The mesh root (mesh.yaml, domains/, stacks/) is not code: stacks are keyed on what the program reads of it.
 */
function rootCodeFiles(repoRoot: string, pkg: { main?: string }): string[] {
  return ["package.json", pkg.main ?? "index.ts", "Pulumi.yaml", "tsconfig.json", "package-lock.json", "node_modules/.package-lock.json"];
}

function filesUnder(repoRoot: string, dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !relative(repoRoot, e.parentPath).split(/[\\/]/).includes("node_modules"))
    .map((e) => relative(repoRoot, join(e.parentPath, e.name)));
}

/** The files the code fingerprint covers, relative to the repository, in a stable order. */
export function fingerprintedFiles(repoRoot = REPO_ROOT): string[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { main?: string; workspaces?: string[] };
  const files = new Set(rootCodeFiles(repoRoot, pkg).filter((f) => existsSync(join(repoRoot, f))));
  for (const workspace of pkg.workspaces ?? []) for (const f of filesUnder(repoRoot, workspace)) files.add(f);
  return [...files].sort();
}

/** A hash of everything besides a plan's inputs that can change what it writes: see rootCodeFiles. */
export function computeCodeFingerprint(repoRoot: string): string {
  const hash = createHash("sha256").update(`node ${process.version}\0`);
  for (const file of fingerprintedFiles(repoRoot)) hash.update(file).update("\0").update(readFileSync(join(repoRoot, file))).update("\0");
  return hash.digest("hex");
}

let memo: string | undefined;

/**
 * The fingerprint of the code this process runs, computed once (the modules a running process has loaded do not
 * change under it). Any edit to the code invalidates every cached product and stack.
 */
export function codeFingerprint(): string {
  memo ??= computeCodeFingerprint(REPO_ROOT);
  return memo;
}

/**
 * JSON of a value that keeps what JSON.stringify would silently lose, so two different values never share a key:
 * undefined members, Map and Set contents, Dates, non-finite numbers, the class of a non-plain object. Functions
 * and symbols have no stable form and are refused.
 */
export function exactJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw === undefined) return { $undefined: true };
    if (typeof raw === "function" || typeof raw === "symbol") throw new Error(`cannot fingerprint ${typeof raw} at "${key}"`);
    if (typeof raw === "bigint") return { $bigint: raw.toString() };
    if (typeof raw === "number" && !Number.isFinite(raw)) return { $number: String(raw) };
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    if (raw instanceof Set) return { $set: [...raw.values()] };
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      const proto = Object.getPrototypeOf(raw);
      if (proto !== Object.prototype && proto !== null) return { $class: raw.constructor?.name ?? "?", ...raw };
    }
    return v;
  });
}

/** Everything a stack's manifest and stats are a function of, besides the code. */
export interface StackInputs {
  /** Stack config as the program receives it (mesh:domain, mesh:env, mesh:root, mesh:allowDestroy, …). */
  config: Record<string, string>;
  /** The resolved spec the program declares the stack from: all it reads of the mesh model. */
  spec: unknown;
  /** mesh.yaml price overrides (the cost estimate in the stats). */
  priceOverrides: Record<string, number>;
  /** Today's date when the result depends on it (waiver expiry), else undefined. */
  today?: string;
  /** Digest of the key of secret digests in manifests (see recorder.ts), when one is set. */
  secretKeyDigest?: string;
}

/** The cache key of one stack: the code and every input of its program. */
export function stackFingerprint(code: string, inputs: StackInputs): string {
  return createHash("sha256").update(code).update("\0").update(exactJson(inputs)).digest("hex");
}
