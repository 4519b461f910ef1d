import { NAME_RULES, type NameKind } from "../../../components/src/naming/limits";

/**
 * A reference model of the naming module's sanitising step, written from its documented contract: each part keeps
 * the service's allowed characters (lowercased where the service needs it), every other character becomes the
 * separator, runs of separators collapse, separators at a part's edges go, empty parts are dropped, and the parts
 * are joined with the separator. What a name of that body looks like when it fits is what the properties compare.
 */
export function modelBody(kind: NameKind, parts: readonly string[], prefix = ""): string {
  const rule = NAME_RULES[kind];
  const sep = rule.separator;
  const cleaned = parts.map((part) => {
    const cased = rule.lowercase ? part.toLowerCase() : part;
    let out = "";
    for (const ch of cased) {
      const c = rule.allowed.test(ch) ? ch : sep;
      if (!(c === sep && out.endsWith(sep))) out += c;
    }
    while (out.startsWith(sep)) out = out.slice(sep.length);
    while (out.endsWith(sep)) out = out.slice(0, -sep.length);
    return out;
  });
  return prefix + cleaned.filter((p) => p.length > 0).join(sep);
}

/** Whether a body starts or ends with one of the service's reserved affixes. */
export function hasReservedAffix(kind: NameKind, name: string): boolean {
  const rule = NAME_RULES[kind] as { forbiddenPrefixes?: readonly string[]; forbiddenSuffixes?: readonly string[] };
  return (rule.forbiddenPrefixes ?? []).some((p) => name.startsWith(p)) || (rule.forbiddenSuffixes ?? []).some((s) => name.endsWith(s));
}

/**
 * The name the naming module intends before cutting to length: the sanitised body after the fixed prefix, with an
 * "m" in front of the body when the whole would start with a prefix the service reserves (sthree-…, alias/aws/…).
 */
export function modelIntended(kind: NameKind, parts: readonly string[], prefix = ""): string {
  const full = modelBody(kind, parts, prefix);
  const rule = NAME_RULES[kind] as { forbiddenPrefixes?: readonly string[] };
  return (rule.forbiddenPrefixes ?? []).some((p) => full.startsWith(p)) ? `${prefix}m${full.slice(prefix.length)}` : full;
}
