import { ConfigError, ConfigErrors } from "../config/errors";

/**
 * Field paths of contract errors as a person reads the file: `schema "orders" › property "amount" › logicalType`
 * instead of `schema[0].properties[2].logicalType`. Positions are the names written at them; an entry without a
 * usable name is counted from 1 (`property #3`).
 */
export function namedContractPath(doc: unknown, field: string): string {
  const head = /^schema\[(\d+)\]/.exec(field);
  if (!head) return field;
  const name = (node: unknown) => {
    const n = (node as { name?: unknown } | undefined)?.name;
    return typeof n === "string" && n !== "" ? n : undefined;
  };
  const list = (node: unknown, key: string) => {
    const v = (node as Record<string, unknown> | undefined)?.[key];
    return Array.isArray(v) ? v : [];
  };
  const i = Number(head[1]);
  let node: unknown = list(doc, "schema")[i];
  const parts = [name(node) ? `schema "${name(node)}"` : `schema #${i + 1}`];
  let rest = field.slice(head[0].length);
  for (;;) {
    const property = /^\.properties\[(\d+)\]/.exec(rest);
    if (property) {
      const j = Number(property[1]);
      node = list(node, "properties")[j];
      parts.push(name(node) ? `property "${name(node)}"` : `property #${j + 1}`);
      rest = rest.slice(property[0].length);
      continue;
    }
    if (rest.startsWith(".items")) {
      node = (node as { items?: unknown } | undefined)?.items;
      parts.push("items");
      rest = rest.slice(".items".length);
      continue;
    }
    break;
  }
  const tail = rest.replace(/^\./, "");
  if (tail) parts.push(tail);
  return parts.join(" › ");
}

/** The same error(s) with their contract field paths named (see namedContractPath); other errors pass unchanged. */
export function withNamedPaths(e: unknown, doc: unknown, file: string): unknown {
  const rename = (x: ConfigError) => (x.file === file && x.field ? new ConfigError(x.file, namedContractPath(doc, x.field), x.problem) : x);
  if (e instanceof ConfigError) return rename(e);
  if (e instanceof ConfigErrors) return new ConfigErrors(e.errors.map(rename));
  return e;
}
