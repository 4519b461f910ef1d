import { expect } from "vitest";
import { createHash } from "node:crypto";
import type { Verdict } from "./isolated-load";
import type { Collision } from "./name-oracle";

/**
 * Problems a ConfigError may report about a whole file or folder, without a field: a file that is missing, a
 * product folder whose name is not allowed, a folder that is not a mesh root.
 */
const WHOLE_PATH_PROBLEMS = [/^file not found or not readable$/, /^is not a (product|domain): every folder under /, /^is a symbolic link to .*, outside the mesh root/, /^is [\d.]+ (B|KiB|MiB), above the [\d.]+ (B|KiB|MiB) limit for a config file/, /^nests deeper than \d+ levels$/,
  // Unresolved aliases and alias bombs show only once the whole document is turned into values: no line to name.
  /^invalid YAML: (Unresolved alias|Excessive alias count)/];

/** A file whose document is not a mapping at all (a scalar, a list, empty) has no field to name. */
const NOT_A_MAPPING = /^is required \(object\)$|^must be object, not |expected object|^must be object \(ODCS/;

/** "is required" names a field the file does not have (a wrong type says "must be <type>, not <actual>"). */
const CHECK_REQUIRED_MEANS_ABSENT = true;

/** Where a reported file may live: the mesh root's own files, or the root itself when it is not a mesh root. */
function isMeshPath(file: string, root: boolean): boolean {
  return file === "mesh.yaml" || file.startsWith("domains/") || file.startsWith("stacks/") || root;
}

/** One line for an assertion message. */
export function summary(v: Verdict): string {
  switch (v.kind) {
    case "ok":
      return `loaded (${v.stacks} stacks, ${v.names} names)${v.problems.length ? `; name problems:\n  ${v.problems.join("\n  ")}` : ""}`;
    case "config":
      return `ConfigError: ${v.message}`;
    case "crash":
      return `${v.name} (not a ConfigError): ${v.message}\n${v.stack}`;
    case "timeout":
      return `no answer within ${v.ms} ms`;
  }
}

/**
 * The property of every input: it loads, and every physical name of every stack is valid and unique where the
 * service needs it; or it fails with the project's ConfigError naming a file of the mesh and a field in it, in
 * one line without a stack trace. Never another exception, never a hang.
 */
export function expectLoadsOrConfigError(v: Verdict, story: string): void {
  const context = `${story}\n→ ${summary(v)}`;
  expect(["ok", "config"], context).toContain(v.kind);
  if (v.kind === "ok") {
    expect(v.problems, context).toEqual([]);
    return;
  }
  if (v.kind !== "config") return;
  expect(v.errors.length, context).toBeGreaterThan(0);
  for (const e of v.errors) {
    // An unknown key named "" at the top of a file has an empty path; the problem names it.
    const emptyKey = e.field === "" && /^unknown key ""/.test(e.problem);
    const wholePath = WHOLE_PATH_PROBLEMS.some((p) => p.test(e.problem)) || (e.field === "" && NOT_A_MAPPING.test(e.problem)) || emptyKey;
    const notARoot = e.field === "domains/" && /is not a mesh root/.test(e.problem);
    expect(isMeshPath(e.file, notARoot), `${context}\nfile "${e.file}" is not a path of the mesh root`).toBe(true);
    expect(e.exists || /not found/.test(e.problem) || e.file.startsWith("stacks/") || notARoot, `${context}\nnames "${e.file}", which the mesh does not have`).toBe(true);
    expect(e.field !== "" || wholePath, `${context}\nnames no field`).toBe(true);
    expect(e.problem.trim(), context).not.toBe("");
    // Line breaks in what the message quotes are written as \n, so the message stays one line.
    const line = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, "\\n");
    expect(e.message, context).toBe(line(e.field ? `${e.file}: ${e.field}: ${e.problem}` : `${e.file}: ${e.problem}`));
    expect(e.message, `${context}\nis not one line`).not.toMatch(/[\r\n]/);
    expect(e.message, `${context}\ncarries a stack trace`).not.toMatch(/\n\s+at /);
    if (CHECK_REQUIRED_MEANS_ABSENT) expect(e.fieldPresent, `${context}\nsays ${e.field} is required, but the file has it`).not.toBe(true);
  }
}

/**
 * A mesh in which the reference (name-oracle.ts) finds two owners of one name is refused: one ConfigError that
 * names the file of one of the owners and says which name they would share. A name cut to the service's limit
 * ends with the first 7 hex digits of the SHA-256 of the whole name (docs/platform-guide.md, naming).
 */
export function expectCollisionRefused(v: Verdict, collisions: readonly Collision[]): void {
  const context = `the reference finds ${collisions.map((c) => `${c.name} (${c.kind} ${c.scope || "global"}) of ${c.owners.join(" and ")}`).join("; ")}\n→ ${summary(v)}`;
  expect(v.kind, context).toBe("config");
  if (v.kind !== "config") return;
  const e = v.errors[0]!;
  const named = /would both be named (\S+) \(/.exec(e.problem)?.[1];
  expect(named, `${context}\nthe error names no shared name`).toBeDefined();
  const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 7);
  const match = collisions.find((c) => c.name === named || named!.endsWith(hash(c.name)));
  expect(match, `${context}\n${named} is not a name the reference finds shared`).toBeDefined();
  expect(match!.files, `${context}\nnames ${e.file}, not a file of the owners`).toContain(e.file);
}
