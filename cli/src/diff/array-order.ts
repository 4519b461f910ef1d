/**
 * How the elements of an array are matched between two versions of a value, by where the array sits. Most arrays
 * are ordered (a list of lifecycle rules, container args) and are compared position by position. Some carry no
 * meaning in their order, and comparing them by position turns one insertion into a change of every later element:
 *
 * - IAM policy documents (AWS IAM User Guide, "IAM JSON policy element reference"): `Statement` is a list of
 *   statements identified by their `Sid`; `Action`/`NotAction`, `Resource`/`NotResource`, the principal lists in
 *   `Principal`/`NotPrincipal` and the value list of each condition key are sets (a single value may be written as
 *   a string: it is the one-element set).
 * - Tag lists (`[{ Key, Value }]`, `[{ key, value }]`): keyed by their key.
 */
export type ArrayOrder = { kind: "ordered" } | { kind: "set" } | { kind: "keyed"; key: string };

const ORDERED: ArrayOrder = { kind: "ordered" };
const SET: ArrayOrder = { kind: "set" };

const SET_ELEMENTS = new Set(["Action", "NotAction", "Resource", "NotResource"]);
const PRINCIPAL_ELEMENTS = new Set(["Principal", "NotPrincipal"]);

/** The key every element of both arrays carries, unique within each array: then the arrays are keyed lists. */
function commonKey(arrays: unknown[][], keys: string[]): string | undefined {
  return keys.find((k) =>
    arrays.every((a) => {
      const values = a.map((x) => (x && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>)[k] : undefined));
      return values.every((v) => typeof v === "string" && v !== "") && new Set(values).size === values.length;
    }),
  );
}

/**
 * The order of the array at `path` (object keys and array markers, outermost first; `inPolicy` when the value
 * came from an IAM policy document). `a` and `b` are the two versions of the array.
 */
export function arrayOrder(path: readonly (string | number)[], inPolicy: boolean, a: unknown[], b: unknown[]): ArrayOrder {
  const keys = path.filter((p): p is string => typeof p === "string" && !p.startsWith("["));
  const last = keys.at(-1);
  if (inPolicy && last !== undefined) {
    if (last === "Statement" && path.at(-1) === "Statement") {
      const sid = commonKey([a, b], ["Sid"]);
      return sid ? { kind: "keyed", key: sid } : SET;
    }
    if (SET_ELEMENTS.has(last) && path.at(-1) === last) return SET;
    // Principal.AWS, Principal.Service, NotPrincipal.Federated, …
    if (keys.length >= 2 && PRINCIPAL_ELEMENTS.has(keys.at(-2)!) && path.at(-1) === last) return SET;
    // Condition.<operator>.<condition key>
    if (keys.length >= 3 && keys.at(-3) === "Condition" && path.at(-1) === last) return SET;
  }
  const tagKey = commonKey([a, b], ["Key", "key"]);
  if (tagKey && /tags$/i.test(last ?? "")) return { kind: "keyed", key: tagKey };
  return ORDERED;
}

/** Whether an IAM element that may be a string or a list of strings is one of the set-valued ones at `path`. */
export function isScalarOrSet(path: readonly (string | number)[], inPolicy: boolean): boolean {
  if (!inPolicy) return false;
  return arrayOrder(path, inPolicy, [], []).kind === "set";
}
