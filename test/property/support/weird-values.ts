import fc from "fast-check";

/** Values and keys that belong in no config file: wrong types, odd strings, huge numbers. */

/** Values of the wrong type or shape for almost any field, line breaks included (messages must stay one line). */
export const WEIRD_VALUE: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, Infinity, NaN, -0, "", " ", "\t", "yes", "~", [], {}, [null], { a: 1 }, "ünïcødé ✓", "🙂🙂🙂", "${x}", "*", "../../etc/passwd", "0x1F", "1e3", "NaN", 2 ** 53 + 1, "latest", "2027-02-30", "#", "- item", "key: value") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 5000 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("a\nb", "line\r\nbreak", "\n", { "a\nb": 1 }, ["x\ny"]) },
);

/** Keys no schema has, line breaks included. */
export const UNKNOWN_KEY: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("colour", "owners", "enabled", "__proto__", "constructor", "toString", "hasOwnProperty", "", " ", "a.b", "a: b", "ünï", "<<", "x-extension", "servers", "[0]") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom("a\nb", "x\r\ny", "\n", "forged\nmesh.yaml: ok") },
);
