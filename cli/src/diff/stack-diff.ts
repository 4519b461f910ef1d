import type { ManifestResource, StackManifest } from "../plan/manifest";
import { aliasUrns } from "./alias-urns";
import { configMapForcesReplacement } from "./configmap-rule";
import { diffInputs, type InputChange } from "./input-diff";
import { describeRelocations, providerUrn, relocations } from "./provider-moves";
import { forcesReplacement, STATEFUL_TYPES } from "./replace-table";
import { ignored, optionChanges, requestedReplacement } from "./resource-options";

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
  /** Its provider now puts it somewhere else: `region eu-west-1 → eu-central-1` (a replacement in the new place). */
  move?: { provider: string; description: string };
  /** A replacement that deletes the old resource before creating the new one (`deleteBeforeReplace`). */
  deleteFirst?: boolean;
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

/** Looks up the provider resource a reference (`<urn>::<id>`) points at. */
type ProviderLookup = (ref: string | undefined) => ManifestResource | undefined;

function compare(before: ManifestResource, after: ManifestResource, baseProvider: ProviderLookup, headProvider: ProviderLookup, aliasedTo: ReadonlyMap<string, string>): ResourceChange | undefined {
  // ignoreChanges: the engine keeps the old value of these inputs, so they are no change at all.
  const changes = diffInputs(before.inputs, after.inputs).filter((c) => !ignored(after, c.path));
  // Resource options that decide whether data survives are changes a reviewer must see.
  changes.push(...optionChanges(before, after));
  const provider = headProvider(after.provider);
  const reasons = changes
    .filter((c) => forcesReplacement(after.type, c.path) || requestedReplacement(after, c.path) || configMapForcesReplacement(before, after, c.path, provider))
    .map((c) => c.path);
  if (before.type !== after.type) reasons.push("type");
  // A provider that now points at another region, account or cluster recreates everything it manages there.
  const oldProvider = baseProvider(before.provider);
  const moves = oldProvider && provider ? relocations(oldProvider, provider) : [];
  let move: ResourceChange["move"];
  if (moves.length > 0) {
    move = { provider: providerUrn(after.provider!), description: describeRelocations(moves) };
    reasons.push(...moves.map((m) => `provider ${m.what}`));
  } else if (before.provider && after.provider && providerUrn(before.provider) !== (aliasedTo.get(providerUrn(after.provider)) ?? providerUrn(after.provider))) {
    // Another provider instance (not the old one renamed). Same place: the engine updates (DiffConfig reports no
    // replacement); a provider we cannot see: assume the worst.
    if (oldProvider && provider) changes.push({ path: "(provider)", old: providerUrn(before.provider), new: providerUrn(after.provider) });
    else reasons.push("provider");
  }
  if (changes.length === 0 && reasons.length === 0) return undefined;
  const kind = reasons.length > 0 ? "replace" : "update";
  return {
    kind,
    urn: after.urn,
    type: after.type,
    name: after.name,
    from: before.urn === after.urn ? undefined : before.urn,
    changes,
    replaceReasons: reasons,
    stateful: isStateful(before),
    ...(move ? { move } : {}),
    ...(kind === "replace" && after.deleteBeforeReplace ? { deleteFirst: true } : {}),
  };
}

/** Resources ordered so that a parent comes before its children (stable otherwise). */
function parentsFirst(resources: ManifestResource[], byUrn: Map<string, ManifestResource>): ManifestResource[] {
  const depth = new Map<string, number>();
  const depthOf = (r: ManifestResource): number => {
    let d = depth.get(r.urn);
    if (d !== undefined) return d;
    const parent = r.parent ? byUrn.get(r.parent) : undefined;
    d = parent && parent !== r ? depthOf(parent) + 1 : 0;
    depth.set(r.urn, d);
    return d;
  };
  return resources.map((r, i) => ({ r, i, d: depthOf(r) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.r);
}

/** Refuses a manifest the engine would refuse: two resources with one URN ("Duplicate resource URN"). */
function checkUnique(label: string, resources: ManifestResource[]): void {
  const seen = new Set<string>();
  for (const r of resources) {
    if (seen.has(r.urn)) throw new Error(`${label}: duplicate resource URN '${r.urn}'; the Pulumi engine refuses a program that registers a URN twice`);
    seen.add(r.urn);
  }
}

/**
 * Compares two manifests of one stack by URN. A head resource whose alias (its own, or one inherited from a
 * parent that was itself found through an alias, as the engine does) names a base URN is the same resource
 * renamed (an update, or nothing), not a delete and a create. Parents are matched before their children (the
 * engine sees them in registration order; manifests are sorted by URN), so children can inherit their aliases.
 */
export function diffStack(stack: string, base: StackManifest | undefined, head: StackManifest | undefined): StackDiff {
  checkUnique(`${stack} (base)`, base?.resources ?? []);
  checkUnique(`${stack} (head)`, head?.resources ?? []);
  const before = new Map((base?.resources ?? []).map((r) => [r.urn, r]));
  const after = head?.resources ?? [];
  const afterByUrn = new Map(after.map((r) => [r.urn, r]));
  const lookup = (resources: Map<string, ManifestResource>): ProviderLookup => (ref) => (ref ? resources.get(providerUrn(ref)) : undefined);
  const claimedBy = new Map<string, string>();
  const aliasedParents = new Map<string, string>();
  const pairs: { old?: ManifestResource; r: ManifestResource }[] = [];
  for (const r of parentsFirst(after, afterByUrn)) {
    let old = before.get(r.urn);
    if (!old) {
      const alias = aliasUrns(r, aliasedParents).find((u) => before.has(u));
      if (alias) {
        // As the engine: one old resource cannot be claimed by two new ones, nor by one while its URN lives on.
        const other = claimedBy.get(alias) ?? (afterByUrn.has(alias) ? alias : undefined);
        if (other) throw new Error(`${stack}: '${r.urn}' claims '${alias}' through an alias, but '${other}' already does; the Pulumi engine refuses duplicate aliases`);
        old = before.get(alias);
        aliasedParents.set(r.urn, alias);
      }
    }
    if (old) claimedBy.set(old.urn, r.urn);
    pairs.push({ old, r });
  }
  const changes: ResourceChange[] = [];
  const renames: StackDiff["renames"] = [];
  let same = 0;
  // Reported in the manifest's order.
  const position = new Map(after.map((r, i) => [r.urn, i]));
  pairs.sort((a, b) => position.get(a.r.urn)! - position.get(b.r.urn)!);
  for (const { old, r } of pairs) {
    if (!old) {
      changes.push({ kind: "create", urn: r.urn, type: r.type, name: r.name, changes: [], replaceReasons: [], stateful: isStateful(r) });
      continue;
    }
    if (old.urn !== r.urn) renames.push({ from: old.urn, to: r.urn });
    const change = compare(old, r, lookup(before), lookup(afterByUrn), aliasedParents);
    if (change) changes.push(change);
    else same++;
  }
  for (const old of before.values()) {
    if (!claimedBy.has(old.urn)) changes.push({ kind: "delete", urn: old.urn, type: old.type, name: old.name, changes: [], replaceReasons: [], stateful: isStateful(old) });
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
