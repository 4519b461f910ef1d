import { readFileSync, writeFileSync } from "node:fs";
import type { StackManifest } from "./manifest";
import { stackCost } from "../diff/cost";
import type { StackStats } from "./job";

/**
 * Manifests are JSON with one resource per line: compact enough for a thousand products, and a line-based
 * `git diff` or `grep` of two plans still shows one resource per hunk.
 */
export function serialiseManifest(manifest: StackManifest): string {
  const { resources, ...head } = manifest;
  const header = JSON.stringify(head).slice(0, -1);
  return `${header},"resources":[\n${resources.map((r) => JSON.stringify(r)).join(",\n")}\n]}\n`;
}

export function writeManifest(file: string, manifest: StackManifest): void {
  writeFileSync(file, serialiseManifest(manifest));
}

export function readManifest(file: string): StackManifest {
  return JSON.parse(readFileSync(file, "utf8")) as StackManifest;
}

export function statsOf(manifest: StackManifest, millis: number, priceOverrides: Record<string, number> = {}): StackStats {
  const byType: Record<string, number> = {};
  let protectedResources = 0;
  for (const r of manifest.resources) {
    byType[r.type] = (byType[r.type] ?? 0) + 1;
    if (r.protect) protectedResources++;
  }
  const sorted = Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b)));
  return { resources: manifest.resources.length, protectedResources, byType: sorted, millis, cost: stackCost(manifest, priceOverrides), findings: manifest.findings ?? [] };
}
