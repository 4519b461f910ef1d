/** JSON Pointer (RFC 6901) reads and writes on plain parsed YAML/JSON values. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function pointer(parts: (string | number)[]): string {
  return parts.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

type Container = Record<string, unknown> | unknown[];

function parentOf(doc: unknown, path: string): { parent: Container; key: string } {
  const parts = parsePointer(path);
  const key = parts.pop()!;
  let node = doc as Container;
  for (const p of parts) node = (node as Record<string, unknown>)[p] as Container;
  if (!node || typeof node !== "object") throw new Error(`no parent for ${path}`);
  return { parent: node, key };
}

export function has(doc: unknown, path: string): boolean {
  let node = doc;
  for (const p of parsePointer(path)) {
    if (!node || typeof node !== "object" || !(p in (node as object))) return false;
    node = (node as Record<string, unknown>)[p];
  }
  return true;
}

export function get(doc: unknown, path: string): unknown {
  let node = doc;
  for (const p of parsePointer(path)) node = (node as Record<string, unknown> | undefined)?.[p];
  return node;
}

/** Sets a value; on an array, an index equal to its length appends. */
export function set(doc: unknown, path: string, value: unknown): void {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else parent[key] = value;
}

/** Removes a key, or an array element (the following elements move up). */
export function remove(doc: unknown, path: string): void {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}
