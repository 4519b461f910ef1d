import { isDeepStrictEqual } from "node:util";
import { arrayOrder } from "./array-order";

/**
 * One changed input: its path (`rules[0].expiration.days`, `policy.Statement[Sid=Read].Action[+]`), and the old
 * and new values (undefined: absent). In an unordered array an added element is `[+]` with only `new`, a removed
 * one `[-]` with only `old`; an element of a keyed list is `[Sid=…]` or `[Key=…]`.
 */
export interface InputChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

const SECRET = /^\[secret(:[0-9a-f]+)?\]$/;

type Segment = string | number;

function render(segs: readonly Segment[]): string {
  let out = "";
  for (const s of segs) {
    if (typeof s === "number") out += `[${s}]`;
    else if (s.startsWith("[")) out += s;
    else out += out ? `.${s}` : s;
  }
  return out;
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

function isPolicy(v: unknown): boolean {
  return Boolean(v && typeof v === "object" && !Array.isArray(v) && "Statement" in (v as object));
}

/** A stable text of a value whatever the order of its object keys, to match set elements. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "undefined";
}

class Walker {
  readonly out: InputChange[] = [];

  walk(segs: Segment[], a: unknown, b: unknown, inPolicy: boolean): void {
    if (isDeepStrictEqual(a, b)) return;
    const ja = asJson(a);
    const jb = asJson(b);
    if (ja !== undefined && jb !== undefined) return this.walk(segs, ja, jb, inPolicy || isPolicy(ja) || isPolicy(jb));
    const aArr = Array.isArray(a);
    const bArr = Array.isArray(b);
    if (aArr || bArr) {
      // IAM writes a one-element list as a bare value ("Action": "s3:GetObject"): the same set.
      const order = arrayOrder(segs, inPolicy, aArr ? (a as unknown[]) : [], bArr ? (b as unknown[]) : []);
      if (order.kind !== "ordered" && a !== undefined && b !== undefined && inPolicy) return this.unordered(segs, aArr ? (a as unknown[]) : [a], bArr ? (b as unknown[]) : [b], order, inPolicy);
      if (aArr && bArr) return this.unordered(segs, a as unknown[], b as unknown[], order, inPolicy);
    }
    if (a && b && typeof a === "object" && typeof b === "object" && !aArr && !bArr) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys) this.walk([...segs, k], (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], inPolicy);
      return;
    }
    this.out.push({ path: render(segs), old: a, new: b });
  }

  private unordered(segs: Segment[], a: unknown[], b: unknown[], order: ReturnType<typeof arrayOrder>, inPolicy: boolean): void {
    if (order.kind === "ordered") {
      for (let i = 0; i < Math.max(a.length, b.length); i++) this.walk([...segs, i], a[i], b[i], inPolicy);
      return;
    }
    if (order.kind === "keyed") {
      const keyOf = (x: unknown) => String((x as Record<string, unknown>)[order.key]);
      const before = new Map(a.map((x) => [keyOf(x), x]));
      const after = new Map(b.map((x) => [keyOf(x), x]));
      for (const [k, x] of before) if (!after.has(k)) this.out.push({ path: render([...segs, `[${order.key}=${k}]`]), old: x });
      for (const [k, y] of after) {
        if (!before.has(k)) this.out.push({ path: render([...segs, `[${order.key}=${k}]`]), new: y });
        else this.walk([...segs, `[${order.key}=${k}]`], before.get(k), y, inPolicy);
      }
      return;
    }
    // A set (a multiset, to be exact): what is in both is unchanged, whatever its position.
    const remaining = new Map<string, number>();
    for (const y of b) remaining.set(canonical(y), (remaining.get(canonical(y)) ?? 0) + 1);
    const removed: unknown[] = [];
    for (const x of a) {
      const n = remaining.get(canonical(x)) ?? 0;
      if (n > 0) remaining.set(canonical(x), n - 1);
      else removed.push(x);
    }
    const seen = new Map<string, number>();
    const added = b.filter((y) => {
      const c = canonical(y);
      const n = (seen.get(c) ?? 0) + 1;
      seen.set(c, n);
      return n > (a.filter((x) => canonical(x) === c).length);
    });
    // As many elements changed as went away (statements without a Sid edited in place): compare them pairwise.
    if (removed.length === added.length && removed.every((x, i) => x && typeof x === "object" && added[i] && typeof added[i] === "object")) {
      removed.forEach((x, i) => this.walk([...segs, b.indexOf(added[i])], x, added[i], inPolicy));
      return;
    }
    for (const x of removed) this.out.push({ path: render([...segs, "[-]"]), old: x });
    for (const y of added) this.out.push({ path: render([...segs, "[+]"]), new: y });
  }
}

/** The changed leaves between two input objects. */
export function diffInputs(before: Record<string, unknown>, after: Record<string, unknown>): InputChange[] {
  const w = new Walker();
  w.walk([], before, after, false);
  return w.out;
}

/** How a value is shown in a full report (text, diff.json): secrets masked, never cut. */
export function showValue(v: unknown): string {
  if (v === undefined) return "(none)";
  if (typeof v === "string" && SECRET.test(v)) return "[secret]";
  return JSON.stringify(v);
}

/** How a value is shown where room is short (the PR comment): cut to `max` characters, ending in "…" when cut. */
export function shortValue(v: unknown, max = 120): { text: string; cut: boolean } {
  const s = showValue(v);
  return s.length > max ? { text: `${s.slice(0, max - 1)}…`, cut: true } : { text: s, cut: false };
}
