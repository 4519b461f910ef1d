import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StackStats } from "./job";

/**
 * Manifests of earlier plans, keyed by stack fingerprint, under <out>/.cache/plan. A stack whose code, config and
 * resolved spec are unchanged is copied from here instead of being planned again. One entry per stack is kept.
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

  /** Puts a cached manifest at `target` and returns its stats, or undefined on a miss. */
  restore(stack: string, key: string, target: string): StackStats | undefined {
    const base = this.base(stack, key);
    if (!existsSync(`${base}.json`) || !existsSync(`${base}.stats.json`)) return undefined;
    place(`${base}.json`, target);
    return JSON.parse(readFileSync(`${base}.stats.json`, "utf8")) as StackStats;
  }

  store(stack: string, key: string, manifestFile: string, stats: StackStats): void {
    mkdirSync(this.dir, { recursive: true });
    for (const old of readdirSync(this.dir).filter((f) => f.startsWith(`${stack}.`))) rmSync(join(this.dir, old));
    const base = this.base(stack, key);
    place(manifestFile, `${base}.json`);
    writeFileSync(`${base}.stats.json`, JSON.stringify(stats));
  }
}

/** Manifests are written once and never edited: a hard link (same folder tree) spares copying megabytes. */
function place(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
