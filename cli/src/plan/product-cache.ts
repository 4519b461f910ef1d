import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ParsedProduct, ProductCache } from "@data-mesh/components/src/config/load-mesh";

/**
 * The validated products of the last plan, on disk (<out>/.cache/products.v8). Only entries used by this run
 * are written back, so the file never grows past the mesh. A corrupt or foreign file is ignored.
 */
export class PersistentProductCache implements ProductCache {
  private readonly previous: Map<string, ParsedProduct>;
  private readonly used = new Map<string, ParsedProduct>();

  constructor(private readonly file: string) {
    this.previous = new Map();
    if (!existsSync(file)) return;
    try {
      const loaded = deserialize(readFileSync(file));
      if (loaded instanceof Map) this.previous = loaded;
    } catch {
      // A cache is an optimisation: start empty.
    }
  }

  get(key: string): ParsedProduct | undefined {
    const hit = this.used.get(key) ?? this.previous.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(key: string, value: ParsedProduct): void {
    this.used.set(key, value);
  }

  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, serialize(this.used));
  }
}
