/**
 * Deterministic rows that satisfy a product's contract: the types, the valid values and patterns of its quality
 * rules, and its unique keys. Used to write each example product's small sample/ data set and the
 * 1-million-row file of the timing script; not part of the runner.
 */
import RandExp from "randexp";
import type { PortShape, RuleInput } from "../src/model";

/** mulberry32: a small seeded generator, so samples are the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `a:int,b:array<struct<x:int,y:string>>` at top-level commas. */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "<" || s[i] === "(") depth++;
    else if (s[i] === ">" || s[i] === ")") depth--;
    else if (s[i] === "," && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

interface Hints {
  valid?: unknown[];
  pattern?: string;
  unique: boolean;
}

const BASE_MS = Date.UTC(2026, 10, 1);

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function timestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

export class SampleGenerator {
  private readonly random: () => number;
  private readonly patterns = new Map<string, RandExp>();

  constructor(seed = 42) {
    this.random = prng(seed);
  }

  private pick<T>(values: T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  private fromPattern(pattern: string): string {
    let r = this.patterns.get(pattern);
    if (!r) {
      r = new RandExp(pattern);
      r.max = 4;
      r.randInt = (a: number, b: number) => a + Math.floor(this.random() * (b - a + 1));
      this.patterns.set(pattern, r);
    }
    return r.gen();
  }

  /** A value of a Glue type for row `i`; unique values derive from the row number. */
  value(type: string, i: number, hints: Hints, name: string): unknown {
    const t = type.trim().toLowerCase();
    if (hints.valid && hints.valid.length > 0) return this.pick(hints.valid);
    if (hints.pattern) return this.fromPattern(hints.pattern);
    const array = t.match(/^array<(.*)>$/);
    if (array) return [0, 1].slice(0, 1 + Math.floor(this.random() * 2)).map((k) => this.value(array[1]!, i * 2 + k, { unique: false }, name));
    const struct = t.match(/^struct<(.*)>$/);
    if (struct) {
      return Object.fromEntries(splitTop(struct[1]!).map((f) => {
        const at = f.indexOf(":");
        const field = f.slice(0, at);
        return [field, this.value(f.slice(at + 1), i, { unique: false }, field)];
      }));
    }
    const len = t.match(/^(varchar|char)\((\d+)\)$/);
    if (t === "string" || len) {
      const max = len ? Number(len[2]) : 24;
      const fixed = len?.[1] === "char";
      const body = hints.unique ? i.toString(36).toUpperCase() : Math.floor(this.random() * 1e6).toString(36).toUpperCase();
      const prefix = name.replace(/[^a-z]/gi, "").slice(0, 3).toUpperCase() || "X";
      const text = `${prefix}${body}`;
      return fixed ? text.padEnd(max, "0").slice(0, max) : text.slice(0, max);
    }
    if (/^(tinyint|smallint|int|integer|bigint)$/.test(t)) return hints.unique ? i + 1 : 1 + Math.floor(this.random() * (t === "tinyint" ? 100 : 1000));
    const dec = t.match(/^decimal\((\d+),\s*(\d+)\)$/);
    if (dec || t === "double" || t === "float") {
      const scale = dec ? Number(dec[2]) : 4;
      const intDigits = dec ? Math.min(Number(dec[1]) - scale, 6) : 6;
      const max = intDigits <= 0 ? 1 : 10 ** intDigits - 1;
      const v = hints.unique ? i + 1 : this.random() * Math.min(max, 10_000);
      return Number(Math.min(v, max).toFixed(scale));
    }
    if (t === "boolean") return i % 2 === 0;
    if (t === "date") return timestamp(BASE_MS + (hints.unique ? i : i % 28) * 86_400_000).slice(0, 10);
    if (t === "timestamp") return timestamp(BASE_MS + (hints.unique ? i * 60_000 : Math.floor(this.random() * 28 * 86_400_000)));
    if (t === "binary") return "00";
    throw new Error(`no sample value for type ${type}`);
  }

  /** `count` rows of one port that satisfy its rules (valid values, patterns, no nulls, unique keys). */
  *rows(port: PortShape, rules: RuleInput[], count: number, primaryKey: string[] = []): Generator<Record<string, unknown>> {
    const own = rules.filter((r) => r.port === port.name);
    const hints = new Map<string, Hints>(port.columns.map((c) => [c.name, { unique: false }]));
    for (const r of own) {
      const args = (r.rule.arguments ?? {}) as Record<string, unknown>;
      if (r.field && r.rule.metric === "invalidValues") {
        const h = hints.get(r.field)!;
        if (Array.isArray(args.validValues)) h.valid = args.validValues.filter((v) => v !== null);
        if (typeof args.pattern === "string") h.pattern = args.pattern;
      }
      if (r.field && r.rule.metric === "duplicateValues") hints.get(r.field)!.unique = true;
    }
    // A key set (schema-level duplicateValues, a composite primary key) is unique when one free member is.
    const keySets = own.filter((r) => !r.field && r.rule.metric === "duplicateValues").map((r) => ((r.rule.arguments as { properties?: string[] })?.properties ?? []));
    if (primaryKey.length > 0) keySets.push(primaryKey);
    for (const set of keySets) {
      if (set.some((p) => hints.get(p)?.unique)) continue;
      const free = set.find((p) => !hints.get(p)?.valid && !hints.get(p)?.pattern && !/^(boolean|date)$/.test(port.columns.find((c) => c.name === p)?.type ?? ""));
      if (free) hints.get(free)!.unique = true;
    }
    for (let i = 0; i < count; i++) {
      yield Object.fromEntries(port.columns.map((c) => [c.name, this.value(c.type, i, hints.get(c.name)!, c.name)]));
    }
  }
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header, or newline-delimited JSON when a column holds arrays or structs. */
export function formatFor(port: PortShape): "csv" | "json" {
  return port.columns.some((c) => /^(array|struct|map)</i.test(c.type)) ? "json" : "csv";
}

export function* serialise(port: PortShape, rows: Iterable<Record<string, unknown>>, format: "csv" | "json"): Generator<string> {
  if (format === "csv") yield `${port.columns.map((c) => csvCell(c.name)).join(",")}\n`;
  for (const row of rows) {
    yield format === "csv" ? `${port.columns.map((c) => csvCell(row[c.name])).join(",")}\n` : `${JSON.stringify(row)}\n`;
  }
}
