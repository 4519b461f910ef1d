/** A value that may be one item or a list (policy documents allow both), as a list. */
export function list<V>(value: V | V[] | undefined | null): V[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Reads a property, or undefined when the runner cannot know it yet: during `pulumi preview` the policy pack
 * hands rules a proxy that throws on unknown values, and a rule scanning a whole resource must skip those.
 */
function readKnown(obj: Record<string, unknown>, key: string): unknown {
  try {
    return obj[key];
  } catch {
    return undefined;
  }
}

/** Calls `visit` for every string inside a value, with the key it sits under; unknown values are skipped. */
export function forEachString(value: unknown, visit: (text: string, key: string | undefined) => void, key?: string): void {
  if (typeof value === "string") visit(value, key);
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) forEachString(readKnown(value as never, String(i)), visit, key);
  else if (value && typeof value === "object") for (const k of Object.keys(value)) forEachString(readKnown(value as Record<string, unknown>, k), visit, k);
}

/** True for a non-empty string (an ARN, a key id, a name). */
export function isSet(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}
