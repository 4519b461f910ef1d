import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StackStats } from "./job";

/** What is kept next to a cached manifest: the full key, the manifest's digest and the stats the summary needs. */
interface EntryMeta {
  fingerprint: string;
  manifestSha256: string;
  stats: StackStats;
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Writes a file under a temporary name and renames it into place, so a reader never sees half of it. */
function writeAtomically(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * Manifests of earlier plans, keyed by stack fingerprint, under <out>/.cache/plan. A stack whose code and inputs
 * are unchanged is restored from here instead of being planned again. One entry per stack is kept.
 *
 * An entry is served only when it is intact: its meta file carries its own checksum, the full fingerprint and the
 * manifest's SHA-256, and the manifest must match. Anything else (truncated, edited, missing half, written by an
 * older format) is a miss and the stack is planned again. Entries are copies, never hard links, so editing a file
 * in out/plan cannot reach the cache (verifying and copying 44 MB of manifests of 1,000 products costs ~50 ms).
 */
export class PlanCache {
  constructor(private readonly dir: string) {}

  private base(stack: string, key: string): string {
    return join(this.dir, `${stack}.${key.slice(0, 24)}`);
  }

  /** True when there is no earlier plan to reuse: every stack will be planned. */
  isEmpty(): boolean {
    return !existsSync(this.dir) || readdirSync(this.dir).length === 0;
  }

  /** The verified manifest and stats of an entry, or undefined on a miss. */
  read(stack: string, key: string): { manifest: Buffer; stats: StackStats } | undefined {
    const base = this.base(stack, key);
    try {
      const metaText = readFileSync(`${base}.meta.json`, "utf8");
      const { check, meta } = JSON.parse(metaText) as { check: string; meta: EntryMeta };
      if (check !== sha256(JSON.stringify(meta)) || meta.fingerprint !== key) return undefined;
      const manifest = readFileSync(`${base}.json`);
      if (sha256(manifest) !== meta.manifestSha256) return undefined;
      return { manifest, stats: meta.stats };
    } catch {
      return undefined;
    }
  }

  /** Writes a verified cached manifest to `target` and returns its stats, or undefined on a miss. */
  restore(stack: string, key: string, target: string): StackStats | undefined {
    const entry = this.read(stack, key);
    if (!entry) return undefined;
    writeFileSync(target, entry.manifest);
    return entry.stats;
  }

  /** Keeps a copy of a manifest this run planned (never one it restored) with its digest and stats. */
  store(stack: string, key: string, manifestFile: string, stats: StackStats): void {
    try {
      this.write(stack, key, manifestFile, stats);
    } catch {
      // A cache is an optimisation: a plan whose entry cannot be written (disk full, a concurrent plan) still stands,
      // and a half-written entry is a miss.
    }
  }

  private write(stack: string, key: string, manifestFile: string, stats: StackStats): void {
    mkdirSync(this.dir, { recursive: true });
    for (const old of readdirSync(this.dir).filter((f) => f.startsWith(`${stack}.`))) rmSync(join(this.dir, old), { force: true });
    const base = this.base(stack, key);
    const manifest = readFileSync(manifestFile);
    const meta: EntryMeta = { fingerprint: key, manifestSha256: sha256(manifest), stats };
    // The manifest first, the meta last: an entry without its meta is a miss.
    writeAtomically(`${base}.json`, manifest);
    writeAtomically(`${base}.meta.json`, JSON.stringify({ check: sha256(JSON.stringify(meta)), meta }));
  }
}
