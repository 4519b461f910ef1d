import * as pulumi from "@pulumi/pulumi";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { installLazyStructs, protobufStructFromJavaScript, readStruct } from "../../cli/src/plan/lazy-struct";
import { recordingRuntime, settle } from "../helpers/mock-runtime";

// The reference for every case is google-protobuf itself: the value a Struct built by protobuf's own
// `Struct.fromJavaScript` gives back (`toJavaScript()`), and the bytes it encodes to.

/** Everything a value's identity depends on here: key order, -0, NaN, array vs object, the prototype. */
function canonical(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null || typeof value !== "object") return `${typeof value}:${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const proto = Object.getPrototypeOf(value) === Object.prototype ? "" : "<other prototype>";
  return `${proto}{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

/** The outcome of building a struct and reading it back: the value, or the error protobuf raised. */
function roundTrip(fromJavaScript: (v: object) => Struct, value: unknown): string {
  try {
    return canonical(fromJavaScript(value as object).toJavaScript());
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

const lazyFromJavaScript = (v: object) => Struct.fromJavaScript(v as never);
const bytes = (m: { serializeBinary(): Uint8Array }) => Buffer.from(m.serializeBinary()).toString("hex");

// Keys protobuf's map sorts and JavaScript objects order in their own way (integer-like first).
const key = fc.oneof(fc.string(), fc.constantFrom("", "2", "10", "01", "-1", "constructor", "toString", "hasOwnProperty", "__proto__x", "a", "B", "ä", "😀", "z"));
const tricky = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, 1e-320),
    fc.string({ unit: "binary" }),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(key, tie("value"), { maxKeys: 6 }),
  ),
}));
const object = fc.dictionary(key, tricky.value, { maxKeys: 8 });

describe("lazy protobuf Structs (cli/src/plan/lazy-struct.ts)", () => {
  it("installs in a process with this google-protobuf", () => {
    expect(installLazyStructs()).toBe(true);
    expect(Struct.fromJavaScript).not.toBe(protobufStructFromJavaScript);
  });

  it("gives back exactly what protobuf's round trip gives, for any JSON-like value (keys re-ordered, -0, NaN, nesting)", () => {
    installLazyStructs();
    // A guard that the comparison can fail: protobuf re-orders keys, the input's own order differs.
    expect(canonical(protobufStructFromJavaScript({ b: 1, a: 2, 10: 3 }).toJavaScript())).toBe('{"10":3,"a":2,"b":1}');
    fc.assert(
      fc.property(object, (value) => {
        const expected = roundTrip(protobufStructFromJavaScript, value);
        expect(roundTrip(lazyFromJavaScript, value)).toBe(expected);
        expect(canonical(readStruct(lazyFromJavaScript(value)))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("is a snapshot: changing the value afterwards changes neither its JavaScript value nor its bytes", () => {
    installLazyStructs();
    const value = { list: [1, { deep: "x" }], nested: { a: 1 } };
    const lazy = lazyFromJavaScript(value);
    const real = protobufStructFromJavaScript(structuredClone(value));
    value.list.push(2);
    (value.list[1] as { deep: string }).deep = "changed";
    value.nested.a = 2;
    expect(canonical(lazy.toJavaScript())).toBe(canonical(real.toJavaScript()));
    // Each toJavaScript() is a fresh value, as protobuf's is.
    (lazy.toJavaScript().nested as { a: number }).a = 3;
    expect(canonical(lazy.toJavaScript())).toBe(canonical(real.toJavaScript()));
    expect(bytes(lazy)).toBe(bytes(real));
  });

  it("encodes to the same bytes and objects as protobuf's Struct, alone and inside a RegisterResourceRequest", () => {
    installLazyStructs();
    fc.assert(
      fc.property(object, fc.boolean(), (value, readFirst) => {
        const lazy = lazyFromJavaScript(value);
        const real = protobufStructFromJavaScript(value);
        if (readFirst) lazy.toJavaScript();
        expect(bytes(lazy)).toBe(bytes(real));
        expect(lazy.toObject()).toEqual(real.toObject());

        // The request keeps the struct unbuilt; encoding the request (as a gRPC client would) builds it.
        const lazyRequest = new resproto.RegisterResourceRequest();
        const realRequest = new resproto.RegisterResourceRequest();
        lazyRequest.setType("aws:s3/bucket:Bucket");
        realRequest.setType("aws:s3/bucket:Bucket");
        lazyRequest.setObject(lazyFromJavaScript(value));
        realRequest.setObject(protobufStructFromJavaScript(value));
        expect(bytes(lazyRequest)).toBe(bytes(realRequest));
        const decoded = resproto.RegisterResourceRequest.deserializeBinary(lazyRequest.serializeBinary());
        expect(canonical(decoded.getObject()!.toJavaScript())).toBe(canonical(realRequest.getObject()!.toJavaScript()));
        // A parent message's own array view (toArray syncs its fields into it) as well.
        const fresh = new resproto.RegisterResourceRequest();
        fresh.setType("aws:s3/bucket:Bucket");
        fresh.setObject(lazyFromJavaScript(value));
        expect(JSON.stringify(fresh.toArray())).toBe(JSON.stringify(realRequest.toArray()));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves every value it cannot copy exactly to protobuf: the same result or the same error", () => {
    installLazyStructs();
    const inherited = Object.assign(Object.create({ inherited: 1 }), { own: 2 });
    const withProtoKey = JSON.parse('{"__proto__": {"x": 1}, "k": 2}');
    class Point {
      x = 1;
    }
    const cases: unknown[] = [
      { a: undefined },
      { a: [1, undefined, 2] },
      // eslint-disable-next-line no-sparse-arrays
      { a: [1, , 2] },
      { a: () => 1 },
      { a: 1n },
      { a: Symbol("s") },
      { a: new Date(0) },
      { a: Buffer.from("ab") },
      { a: new Map([[1, 2]]) },
      { a: new Point() },
      { a: inherited },
      inherited,
      withProtoKey,
      { nested: withProtoKey },
      Object.assign(Object.create(null), { b: 1, a: { c: null } }),
      ["x", "y"],
      "abc",
    ];
    const outcomes = cases.map((value) => roundTrip(lazyFromJavaScript, value));
    expect(outcomes).toEqual(cases.map((value) => roundTrip(protobufStructFromJavaScript, value)));
    // Non-empty guard: protobuf both refuses and accepts some of these.
    expect(outcomes.filter((o) => o.startsWith("throws")).length).toBeGreaterThan(3);
    expect(outcomes.filter((o) => !o.startsWith("throws")).length).toBeGreaterThan(3);
  });

  it("round-trips what the SDK's own serializeProperties produces: secrets, resource references, assets, archives, nulls", async () => {
    recordingRuntime("lazy-dev");
    const parent = new pulumi.ComponentResource("mesh:test:Parent", "parent");
    class Bucket extends pulumi.CustomResource {
      constructor(name: string, args: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
        super("aws:s3/bucket:Bucket", name, args, opts);
      }
    }
    const child = new Bucket("bucket", { bucket: "b-1" }, { parent });
    const props = {
      plain: "text",
      nothing: null,
      skipped: undefined,
      count: 3,
      ratio: -0,
      flags: [true, false],
      secret: pulumi.secret({ password: "p4ss", list: [1, "two"] }),
      output: pulumi.output({ z: 1, a: [pulumi.output("x"), null] }),
      resource: child,
      component: parent,
      asset: new pulumi.asset.StringAsset("hello"),
      file: new pulumi.asset.FileAsset("/tmp/f.txt"),
      archive: new pulumi.asset.AssetArchive({ "a.txt": new pulumi.asset.StringAsset("a"), dir: new pulumi.asset.FileArchive("/tmp/d") }),
      nested: { deeper: { list: [[1, 2], [{ k: "v" }], []], empty: {} } },
    };
    const serialized = await pulumi.runtime.serializeProperties("test", props);
    await settle();
    // Guard: the SDK did put its special envelopes in there.
    const text = JSON.stringify(serialized);
    for (const sig of ["1b47061264138c4ac30d75fd1eb44270", "5cf8f73096256a8f31e491e813e4eb8e", "c44067f5952c0a294b673a41bacd8c17", "0def7320c3a5731c473e5ecbe6d01bc7"]) expect(text).toContain(sig);
    installLazyStructs();
    const lazy = lazyFromJavaScript(serialized);
    const real = protobufStructFromJavaScript(serialized);
    expect(canonical(lazy.toJavaScript())).toBe(canonical(real.toJavaScript()));
    expect(canonical(readStruct(lazy))).toBe(canonical(real.toJavaScript()));
    expect(bytes(lazyFromJavaScript(serialized))).toBe(bytes(real));
  });

  it("an invoke through the recording monitor still works (its structs are built when protobuf needs them)", async () => {
    recordingRuntime("lazy-dev");
    const result = await pulumi.runtime.invoke("aws:index/getCallerIdentity:getCallerIdentity", { b: "2", a: ["1", null] });
    expect(result).toEqual({ a: ["1", null], b: "2" });
  });
});
