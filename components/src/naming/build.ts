import { createHash } from "node:crypto";
import { NAME_RULES, type NameKind, type NameRule } from "./limits";

const HASH_LENGTH = 7;

/** A short, stable hash of the full intended name, so truncated names stay unique and deterministic. */
export function shortHash(text: string, length = HASH_LENGTH): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** The separator patterns of a rule, compiled once: every physical name of a plan goes through them. */
const separatorPatterns = new WeakMap<NameRule, { repeated: RegExp; atEnds: RegExp; trailing: RegExp }>();

function patternsOf(rule: NameRule): { repeated: RegExp; atEnds: RegExp; trailing: RegExp } {
  let p = separatorPatterns.get(rule);
  if (!p) {
    const sep = escapeRegExp(rule.separator);
    p = { repeated: new RegExp(`${sep}{2,}`, "g"), atEnds: new RegExp(`^${sep}+|${sep}+$`, "g"), trailing: new RegExp(`${sep}+$`) };
    separatorPatterns.set(rule, p);
  }
  return p;
}

function sanitisePart(part: string, rule: NameRule): string {
  const cased = rule.lowercase ? part.toLowerCase() : part;
  let out = "";
  for (const ch of cased) out += rule.allowed.test(ch) ? ch : rule.separator;
  const { repeated, atEnds } = patternsOf(rule);
  return out.replace(repeated, rule.separator).replace(atEnds, "");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function hasForbiddenPrefix(name: string, rule: NameRule): boolean {
  return (rule.forbiddenPrefixes ?? []).some((p) => name.startsWith(p));
}

function hasForbiddenAffix(name: string, rule: NameRule): boolean {
  return hasForbiddenPrefix(name, rule) || (rule.forbiddenSuffixes ?? []).some((s) => name.endsWith(s));
}

/**
 * Builds a physical name of `kind` from parts: each part is sanitised to the service's character set, parts are
 * joined with the service's separator, and a name over the limit (or one with a reserved prefix/suffix) is cut
 * and ends with a hash of the whole intended name. The same parts always give the same name.
 */
export function physicalName(kind: NameKind, parts: readonly string[], opts: { prefix?: string } = {}): string {
  const rule: NameRule = NAME_RULES[kind];
  const body = parts.map((p) => sanitisePart(p, rule)).filter((p) => p.length > 0).join(rule.separator);
  const fixed = opts.prefix ?? "";
  let full = `${fixed}${body}`;
  // A name AWS reserves by its start (sthree-…, alias/aws/…) gets an "m" in front of the body: still
  // deterministic, and only names that could not exist otherwise change.
  if (hasForbiddenPrefix(full, rule)) full = `${fixed}m${body}`;
  let name = full;
  if (name.length > rule.max || hasForbiddenAffix(name, rule)) {
    const hash = shortHash(full);
    const keep = rule.max - hash.length - rule.separator.length;
    const head = name.slice(0, Math.min(keep, name.length)).replace(patternsOf(rule).trailing, "");
    name = `${head}${rule.separator}${hash}`;
  }
  if (name.length < rule.min) name = name.padEnd(rule.min, "0");
  assertValidName(kind, name);
  return name;
}

/** Throws if `name` breaks the rule of `kind`; used by tests and as a last guard in `physicalName`. */
export function assertValidName(kind: NameKind, name: string): void {
  const problem = nameProblem(kind, name);
  if (problem) throw new Error(`invalid ${NAME_RULES[kind].description}: "${name}" (${problem})`);
}

/** Returns why `name` is not a valid name of `kind`, or undefined when it is valid. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  const rule: NameRule = NAME_RULES[kind];
  if (name.length < rule.min || name.length > rule.max) return `length ${name.length} not in ${rule.min}-${rule.max}`;
  if (!rule.valid.test(name)) return "characters or shape not allowed";
  if (hasForbiddenAffix(name, rule)) return "reserved prefix or suffix";
  if (kind === "s3Bucket" && /\.\.|^\d+\.\d+\.\d+\.\d+$/.test(name)) return "looks like an IP address or has '..'";
  return undefined;
}
