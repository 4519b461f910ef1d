import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ParsedProduct, ProductCache } from "@data-mesh/components/src/config/load-mesh";

const MAGIC = Buffer.from("mesh-products-v2\n");
const DIGEST_BYTES = 32;

/**
 * The validated products of the last plan, on disk (<out>/.cache/products.v8), for one version of the code:
 * `codeKey` (the code fingerprint) is part of every key, so a change to a parser, schema or default is a miss.
 *
 * Entries are the v8 serialisation of the parse result taken when it was parsed, so whatever a later step does to
 * the model cannot leak into the cache, and each `get` returns a fresh copy. The file carries a SHA-256 of its
 * content: a truncated, edited or foreign file is ignored as a whole (a cache is an optimisation: start empty).
 * Only entries used by this run are written back, so the file never grows past the mesh.
 */
export class PersistentProductCache implements ProductCache {
  private readonly previous: Map<string, Buffer>;
  private readonly used = new Map<string, Buffer>();

  constructor(private readonly file: string, readonly codeKey: string) {
    this.previous = readVerified(file);
  }

  get(key: string): ParsedProduct | undefined {
    const hit = this.used.get(key) ?? this.previous.get(key);
    if (!hit) return undefined;
    this.used.set(key, hit);
    return deserialize(hit) as ParsedProduct;
  }

  set(key: string, value: ParsedProduct): void {
    this.used.set(key, serialize(value));
  }

  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const payload = serialize(this.used);
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, Buffer.concat([MAGIC, createHash("sha256").update(payload).digest(), payload]));
    renameSync(tmp, this.file);
  }
}

function readVerified(file: string): Map<string, Buffer> {
  if (!existsSync(file)) return new Map();
  try {
    const data = readFileSync(file);
    if (!data.subarray(0, MAGIC.length).equals(MAGIC)) return new Map();
    const digest = data.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
    const payload = data.subarray(MAGIC.length + DIGEST_BYTES);
    if (!createHash("sha256").update(payload).digest().equals(digest)) return new Map();
    const entries = deserialize(payload) as unknown;
    if (!(entries instanceof Map) || ![...entries.values()].every((v) => v instanceof Uint8Array)) return new Map();
    return new Map([...entries].map(([k, v]) => [k as string, Buffer.from(v as Uint8Array)]));
  } catch {
    return new Map();
  }
}
