import { parseDocument } from "yaml";
import { readFileSync, statSync } from "node:fs";
import { z } from "zod";
import { assertInsideRoot } from "./confine";
import { ConfigError, ConfigErrors, fieldPath } from "./errors";
import { formatBytes, MAX_CONFIG_FILE_BYTES } from "./limits";
import { suggestKey } from "./suggest";

/**
 * Reads a config file; a missing one is a ConfigError naming it. With `root`, a file that resolves outside the mesh
 * root (a symbolic link) is refused; a file above MAX_CONFIG_FILE_BYTES is refused from its size, before it is read.
 */
export function readConfigFile(file: string, displayName = file, root?: string): string {
  if (root !== undefined) assertInsideRoot(root, file, displayName);
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size !== undefined && size > MAX_CONFIG_FILE_BYTES) {
    throw new ConfigError(displayName, "", `is ${formatBytes(size)}, above the ${formatBytes(MAX_CONFIG_FILE_BYTES)} limit for a config file (no real product needs more; see Limits in docs/domain-team.md): split the product or trim the file`);
  }
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new ConfigError(displayName, "", "file not found or not readable");
  }
}

/** Reads and parses a YAML file; a syntax error becomes a ConfigError with the line and column. */
export function readYaml(file: string, displayName = file, root?: string): unknown {
  return parseYaml(readConfigFile(file, displayName, root), displayName);
}

/** No config file needs more; deeper documents are refused before a validator recurses into them. */
const MAX_DOCUMENT_DEPTH = 64;

function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_DOCUMENT_DEPTH) return d;
    if (v && typeof v === "object") for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Parses YAML text; a syntax error becomes a ConfigError with the line and column. */
export function parseYaml(text: string, displayName: string): unknown {
  const value = parseYamlValue(text, displayName);
  if (depthOf(value) > MAX_DOCUMENT_DEPTH) throw new ConfigError(displayName, "", `nests deeper than ${MAX_DOCUMENT_DEPTH} levels`);
  return value;
}

function parseYamlValue(text: string, displayName: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : "";
    throw new ConfigError(displayName, where, `invalid YAML: ${err.message.split("\n")[0]}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolved aliases and alias bombs surface only when the document is turned into values.
    throw new ConfigError(displayName, "", `invalid YAML: ${String((e as Error).message).split("\n")[0]}`);
  }
}

/** Follows a field path through a zod schema to list the keys an object there accepts. */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let x = s as { def?: { innerType?: unknown; type?: string; in?: unknown; schema?: unknown; getter?: () => unknown } };
    for (let i = 0; i < 10 && x?.def; i++) {
      if (x.def.innerType) x = x.def.innerType as typeof x;
      else if (x.def.type === "lazy" && x.def.getter) x = x.def.getter() as typeof x;
      else if (x.def.type === "pipe" && x.def.in) x = x.def.in as typeof x;
      else break;
    }
    return x;
  };
  for (const seg of path) {
    const s = unwrap(current) as { def?: { type?: string; element?: unknown; valueType?: unknown }; shape?: Record<string, unknown> };
    if (s?.def?.type === "object" && s.shape) current = s.shape[String(seg)];
    else if (s?.def?.type === "array") current = s.def.element;
    else if (s?.def?.type === "record") current = s.def.valueType;
    else return undefined;
  }
  const last = unwrap(current) as { def?: { type?: string }; shape?: Record<string, unknown> };
  return last?.def?.type === "object" && last.shape ? Object.keys(last.shape) : undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

function describeIssue(schema: z.ZodType, file: string, issue: z.core.$ZodIssue, data: unknown): ConfigError {
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeysAt(schema, issue.path);
    const key = issue.keys[0]!;
    const near = allowed && suggestKey(key, allowed);
    return new ConfigError(
      file,
      fieldPath([...issue.path, key]),
      `unknown key "${key}"${near ? `; did you mean "${near}"?` : ""}${allowed ? ` (allowed keys here: ${allowed.join(", ")})` : ""}`,
    );
  }
  let message = issue.message;
  // zod 4 leaves the input out of its issues: look the value up to tell "missing" from "wrong type".
  if (issue.code === "invalid_type") {
    const value = valueAt(data, issue.path);
    message = value === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, not ${Array.isArray(value) ? "a list" : value === null ? "null" : typeof value}`;
  }
  return new ConfigError(file, fieldPath(issue.path), message);
}

/** Validates `data` with a strict zod schema; every problem becomes a ConfigError naming the file and field. */
export function validate<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // A misspelt key is one mistake, not two: "is required" is left out for the key the typo's suggestion names.
  const suggested = new Set(
    result.error.issues.flatMap((issue) => {
      if (issue.code !== "unrecognized_keys") return [];
      const near = suggestKey(issue.keys[0]!, allowedKeysAt(schema, issue.path) ?? []);
      return near ? [fieldPath([...issue.path, near])] : [];
    }),
  );
  const issues = result.error.issues.filter((issue) => !(issue.code === "invalid_type" && valueAt(data, issue.path) === undefined && suggested.has(fieldPath(issue.path))));
  const errors = issues.map((issue) => describeIssue(schema, file, issue, data));
  throw errors.length === 1 ? errors[0]! : new ConfigErrors(errors);
}
