import { isDeepStrictEqual } from "node:util";

/** One changed input: its path (`rules[0].expiration.days`), and the old and new values (undefined: absent). */
export interface InputChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

const SECRET = /^\[secret(:[0-9a-f]+)?\]$/;

function join(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** Policy documents and other JSON held in string inputs are compared as JSON, so a diff names the statement that changed. */
function asJson(v: unknown): unknown {
  if (typeof v !== "string" || !/^\s*[[{]/.test(v)) return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

function walk(path: string, a: unknown, b: unknown, out: InputChange[]): void {
  if (isDeepStrictEqual(a, b)) return;
  const ja = asJson(a);
  const jb = asJson(b);
  if (ja !== undefined && jb !== undefined) return walk(path, ja, jb, out);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(join(path, i), a[i], b[i], out);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(join(path, k), (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], out);
    return;
  }
  out.push({ path, old: a, new: b });
}

/** The changed leaves between two input objects. */
export function diffInputs(before: Record<string, unknown>, after: Record<string, unknown>): InputChange[] {
  const out: InputChange[] = [];
  walk("", before, after, out);
  return out;
}

/** How a value is shown in a diff: secrets masked, long strings cut. */
export function showValue(v: unknown): string {
  if (v === undefined) return "(none)";
  if (typeof v === "string" && SECRET.test(v)) return "[secret]";
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}
