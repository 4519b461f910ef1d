import { createHmac } from "node:crypto";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { SECRET_MASK } from "../../cli/src/plan/manifest";
import { maskSecrets } from "../../cli/src/plan/recorder";

// The envelope the Pulumi SDK puts around a secret input (runtime/rpc.js, specialSigKey / specialSecretSig).
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

/** What a manifest must hold: the same value, every secret envelope replaced by its keyed digest (docs: "[secret:…]"). */
function expected(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => expected(v, key));
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) return `[secret:${createHmac("sha256", key).update(JSON.stringify(obj.value ?? null)).digest("hex").slice(0, 16)}]`;
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, expected(v, key)]));
  }
  return value;
}

const previous = process.env.MESH_SECRET_KEY;
afterEach(() => {
  if (previous === undefined) delete process.env.MESH_SECRET_KEY;
  else process.env.MESH_SECRET_KEY = previous;
});

describe("maskSecrets (the inputs a manifest records)", () => {
  it("replaces secrets at any depth by their keyed digest, keeps everything else and its key order, and changes nothing it was given", () => {
    process.env.MESH_SECRET_KEY = "test-key";
    const value = { z: 1, password: secret("p4ss"), nested: { list: [1, secret({ a: 1 }), { b: [secret(null)] }], plain: { c: "x" } }, a: [true, null] };
    const before = JSON.stringify(value);
    const masked = maskSecrets(value) as Record<string, any>;
    expect(JSON.stringify(value)).toBe(before);
    expect(JSON.stringify(masked)).toBe(JSON.stringify(expected(value, "test-key")));
    expect(masked.password).toMatch(/^\[secret:[0-9a-f]{16}\]$/);
    expect(JSON.stringify(masked)).not.toContain("p4ss");
    expect(Object.keys(masked)).toEqual(["z", "password", "nested", "a"]);
  });

  it("without a key, every secret is the plain mask", () => {
    delete process.env.MESH_SECRET_KEY;
    expect(maskSecrets({ a: [secret("s")], b: secret(1) })).toEqual({ a: [SECRET_MASK], b: SECRET_MASK });
  });

  it("equals the masked deep copy for any JSON-like value with secrets anywhere", () => {
    process.env.MESH_SECRET_KEY = "k2";
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 1 }), tie("v").map(secret), fc.array(tie("v"), { maxLength: 4 }), fc.dictionary(fc.string(), tie("v"), { maxKeys: 4 })),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        const before = JSON.stringify(v);
        expect(JSON.stringify(maskSecrets(v))).toBe(JSON.stringify(expected(v, "k2")));
        expect(JSON.stringify(v)).toBe(before);
      }),
      { numRuns: 1000 },
    );
  });
});
