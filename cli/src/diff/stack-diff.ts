import type { ManifestResource, StackManifest } from "../plan/manifest";
import { aliasUrns } from "./alias-urns";
import { diffInputs, type InputChange } from "./input-diff";
import { forcesReplacement, STATEFUL_TYPES } from "./replace-table";

export type ChangeKind = "create" | "update" | "replace" | "delete";

export interface ResourceChange {
  kind: ChangeKind;
  urn: string;
  type: string;
  name: string;
  /** For a rename through an alias: the URN in the base. */
  from?: string;
  /** Changed inputs (update and replace). */
  changes: InputChange[];
  /** The changed inputs that force the replacement. */
  replaceReasons: string[];
  /** Stateful (holds data, or protected in the base): replacing or deleting it loses data. */
  stateful: boolean;
}

export interface StackDiff {
  stack: string;
  domain: string;
  env: string;
  changes: ResourceChange[];
  /** Resources that kept their identity through an alias (no delete, no create). */
  renames: { from: string; to: string }[];
  counts: Record<ChangeKind | "rename" | "same", number>;
}

function isStateful(r: ManifestResource): boolean {
  return STATEFUL_TYPES.has(r.type) || r.protect;
}

function compare(before: ManifestResource, after: ManifestResource): ResourceChange | undefined {
  const changes = diffInputs(before.inputs, after.inputs);
  // Resource options that decide whether data survives are changes a reviewer must see.
  if (before.protect !== after.protect) changes.push({ path: "(protect)", old: before.protect, new: after.protect });
  if (Boolean(before.retainOnDelete) !== Boolean(after.retainOnDelete)) changes.push({ path: "(retainOnDelete)", old: Boolean(before.retainOnDelete), new: Boolean(after.retainOnDelete) });
  // A changed type or provider (other account or region) also means a new physical resource.
  const reasons = changes.filter((c) => forcesReplacement(after.type, c.path)).map((c) => c.path);
  if (before.type !== after.type) reasons.push("type");
  if (before.provider && after.provider && providerName(before.provider) !== providerName(after.provider)) reasons.push("provider");
  if (changes.length === 0 && reasons.length === 0) return undefined;
  return {
    kind: reasons.length > 0 ? "replace" : "update",
    urn: after.urn,
    type: after.type,
    name: after.name,
    from: before.urn === after.urn ? undefined : before.urn,
    changes,
    replaceReasons: reasons,
    stateful: isStateful(before),
  };
}

/** Provider references are `<urn>::<id>`; the id of a mocked provider is not meaningful, its URN is. */
function providerName(ref: string): string {
  return ref.slice(0, ref.lastIndexOf("::"));
}

/**
 * Compares two manifests of one stack by URN. A head resource whose alias names a base URN is the same resource
 * renamed (an update, or nothing), not a delete and a create.
 */
export function diffStack(stack: string, base: StackManifest | undefined, head: StackManifest | undefined): StackDiff {
  const before = new Map((base?.resources ?? []).map((r) => [r.urn, r]));
  const after = head?.resources ?? [];
  const matched = new Set<string>();
  const changes: ResourceChange[] = [];
  let same = 0;
  const renames: StackDiff["renames"] = [];
  for (const r of after) {
    let old = before.get(r.urn);
    if (!old) {
      const alias = aliasUrns(r).find((u) => before.has(u) && !matched.has(u));
      old = alias ? before.get(alias) : undefined;
    }
    if (!old) {
      changes.push({ kind: "create", urn: r.urn, type: r.type, name: r.name, changes: [], replaceReasons: [], stateful: isStateful(r) });
      continue;
    }
    matched.add(old.urn);
    if (old.urn !== r.urn) renames.push({ from: old.urn, to: r.urn });
    const change = compare(old, r);
    if (change) changes.push(change);
    else same++;
  }
  for (const old of before.values()) {
    if (!matched.has(old.urn)) changes.push({ kind: "delete", urn: old.urn, type: old.type, name: old.name, changes: [], replaceReasons: [], stateful: isStateful(old) });
  }
  const counts = { create: 0, update: 0, replace: 0, delete: 0, rename: renames.length, same };
  for (const c of changes) counts[c.kind]++;
  const ref = head ?? base!;
  return { stack, domain: ref.domain, env: ref.env, changes, renames, counts };
}

/** True when a change takes away a stateful resource's protection: the step before it can be destroyed. */
export function unprotects(c: ResourceChange): boolean {
  return c.changes.some((x) => (x.path === "(protect)" || x.path === "(retainOnDelete)") && x.old === true && x.new === false);
}

/** Replacements and deletions of stateful resources, and removal of their protection: the changes that can lose data. */
export function dataLoss(diff: StackDiff): ResourceChange[] {
  return diff.changes.filter((c) => c.stateful && (c.kind === "replace" || c.kind === "delete" || unprotects(c)));
}
