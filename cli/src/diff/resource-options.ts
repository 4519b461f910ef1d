import type { ManifestResource } from "../plan/manifest";
import type { InputChange } from "./input-diff";

/**
 * A Pulumi property path (`tags`, `rules[0].id`, `rules[*].id`, `*`) as a test on the diff's paths
 * (`rules[0].expiration.days`): the path itself or anything below it.
 */
function matches(pattern: string, path: string): boolean {
  if (pattern === "*") return true;
  const source = pattern
    .split(/(\[\*\]|\.\*)/)
    .map((part) => (part === "[*]" ? "\\[\\d+\\]" : part === ".*" ? "\\.[^.\\[]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}(?:$|[.[])`).test(path);
}

/** `ignoreChanges`: the engine keeps the old value of these inputs, so a change there is not applied at all. */
export function ignored(r: ManifestResource, path: string): boolean {
  return (r.ignoreChanges ?? []).some((p) => matches(p, path));
}

/** `replaceOnChanges`: the program asks for a replacement when one of these inputs changes. */
export function requestedReplacement(r: ManifestResource, path: string): boolean {
  return (r.replaceOnChanges ?? []).some((p) => matches(p, path));
}

/** The resource options that decide whether data survives a change, as changes a reviewer must see. */
export function optionChanges(before: ManifestResource, after: ManifestResource): InputChange[] {
  const out: InputChange[] = [];
  if (before.protect !== after.protect) out.push({ path: "(protect)", old: before.protect, new: after.protect });
  if (Boolean(before.retainOnDelete) !== Boolean(after.retainOnDelete)) out.push({ path: "(retainOnDelete)", old: Boolean(before.retainOnDelete), new: Boolean(after.retainOnDelete) });
  return out;
}
