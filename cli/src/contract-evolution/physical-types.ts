/**
 * How a physical type changed: widened (every old value still fits: varchar(32) → varchar(64), int → bigint,
 * decimal(10,2) → decimal(12,2)), narrowed (the reverse), or changed (another family).
 */
export type TypeMove = "same" | "widened" | "narrowed" | "changed";

const INTEGER_BYTES: Record<string, number> = { tinyint: 1, smallint: 2, int: 4, integer: 4, bigint: 8 };
const FLOAT_BYTES: Record<string, number> = { float: 4, real: 4, double: 8 };
/** Unbounded strings hold any varchar or char. */
const UNBOUNDED_STRING = new Set(["string", "text", "varchar"]);

interface Parsed {
  family: string;
  size: number[];
}

function parse(t: string): Parsed {
  const m = t.trim().toLowerCase().match(/^([a-z_ ]+?)\s*(?:\(([\d\s,]+)\))?$/);
  if (!m) return { family: t.trim().toLowerCase(), size: [] };
  const name = m[1]!.trim();
  const size = m[2] ? m[2].split(",").map((x) => Number(x.trim())) : [];
  if (name in INTEGER_BYTES) return { family: "integer", size: [INTEGER_BYTES[name]!] };
  if (name in FLOAT_BYTES) return { family: "float", size: [FLOAT_BYTES[name]!] };
  if (name === "char" || name === "varchar" || UNBOUNDED_STRING.has(name)) return { family: "string", size: size.length ? [size[0]!] : [Infinity] };
  if (name === "decimal" || name === "numeric") return { family: "decimal", size: [size[0] ?? 38, size[1] ?? 0] };
  return { family: name, size };
}

/** Compares two physical types; undefined on either side (not declared) is "same" only if both are undefined. */
export function typeMove(from: string | undefined, to: string | undefined): TypeMove {
  if (from === to) return "same";
  if (from === undefined || to === undefined) return "changed";
  const a = parse(from);
  const b = parse(to);
  if (a.family !== b.family) return "changed";
  if (a.family === "decimal") {
    // Integer digits (precision - scale) and scale must both not shrink for every old value to fit.
    const [pa, sa] = a.size as [number, number];
    const [pb, sb] = b.size as [number, number];
    if (pa === pb && sa === sb) return "same";
    if (pb - sb >= pa - sa && sb >= sa) return "widened";
    if (pb - sb <= pa - sa && sb <= sa) return "narrowed";
    return "changed";
  }
  if (a.size.length === 1 && b.size.length === 1) {
    return a.size[0] === b.size[0] ? "same" : b.size[0]! > a.size[0]! ? "widened" : "narrowed";
  }
  return a.size.join() === b.size.join() ? "same" : "changed";
}
