import { dirname } from "node:path";

/**
 * The Pulumi SDK hands a resource's serialised inputs to the monitor as a protobuf `Struct`
 * (`Struct.fromJavaScript(serializedProps)` in runtime/resource.js), and the recording monitor turns it straight back
 * into JavaScript (`toJavaScript()`). In a plan worker nothing else reads it: that round trip through protobuf's
 * `Value`/`Map` objects was ~9 % of a worker's CPU and much of its garbage (docs/performance.md).
 *
 * `installLazyStructs()` makes `Struct.fromJavaScript` return a `Struct` that holds a plain copy of the value, built
 * exactly as the round trip would build it (same values, keys in the order protobuf's map gives them, a snapshot
 * taken when the SDK builds the request). `toJavaScript()` answers from the copy; any other use of the struct
 * (serialising it, reading its map, a parent message syncing its fields) first builds the real protobuf fields from
 * the copy, so it behaves as the Struct it stands for. A value the copy cannot represent exactly (anything but null,
 * strings, numbers, booleans, plain arrays and plain objects) goes through protobuf itself, including its errors.
 * The SDK's own serialisation (prepareResource, serializeProperties, Outputs) runs unchanged: only the wire encoding
 * between the SDK and the recording monitor is skipped.
 */

type Plain = null | string | number | boolean | Plain[] | { [key: string]: Plain };
type StructClass = typeof import("google-protobuf/google/protobuf/struct_pb").Struct;
type StructInstance = InstanceType<StructClass>;

const sdk = dirname(require.resolve("@pulumi/pulumi/package.json"));
const structModule: typeof import("google-protobuf/google/protobuf/struct_pb") = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdk] }));
const { Struct, Value } = structModule;
const resproto = require("@pulumi/pulumi/proto/resource_pb");

/** Not representable by the plain copy: the value goes through protobuf. */
const NOT_PLAIN = Symbol("not plain");
const ORIGINAL = Symbol("protobuf Struct.fromJavaScript");
const PLAIN = Symbol("plain value");
const DEFER = Symbol("defer materialising");

/**
 * What `Struct.fromJavaScript(v).toJavaScript()` returns for a value inside a struct, or NOT_PLAIN. protobuf keeps
 * an object's fields in a map whose keys it sorts (JavaScript `sort()`), reads them with `for…in`, and throws on
 * anything that is not null, a string, number, boolean, array (`instanceof Array`) or object; a plain object's copy
 * is therefore built with sorted keys, and anything unusual is left to protobuf.
 */
function plainCopy(value: unknown): Plain | typeof NOT_PLAIN {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value !== "object") return NOT_PLAIN;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return NOT_PLAIN;
    const out: Plain[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      // A hole reads as undefined, which protobuf refuses (so does the copy: not a plain value).
      const v = plainCopy(value[i]);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out[i] = v;
    }
    return out;
  }
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  return plainObject(value as Record<string, unknown>);
}

function plainObject(value: Record<string, unknown>): { [key: string]: Plain } | typeof NOT_PLAIN {
  const keys: string[] = [];
  // eslint-disable-next-line guard-for-in -- protobuf reads inherited enumerable properties as well
  for (const key in value) keys.push(key);
  // `__proto__` would set the prototype of protobuf's map storage instead of adding a field.
  if (keys.includes("__proto__")) return NOT_PLAIN;
  const values = keys.map((key) => plainCopy(value[key]));
  if (values.includes(NOT_PLAIN)) return NOT_PLAIN;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const out: { [key: string]: Plain } = {};
  for (const i of order) out[keys[i]!] = values[i] as Plain;
  return out;
}

/** A fresh copy of a plain value (as each `toJavaScript()` call returns a fresh value). */
function clonePlain(value: Plain): Plain {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(clonePlain);
  const out: { [key: string]: Plain } = {};
  for (const key of Object.keys(value)) out[key] = clonePlain(value[key]!);
  return out;
}

interface Lazy extends StructInstance {
  [PLAIN]?: { [key: string]: Plain };
  [DEFER]?: boolean;
}

let building = 0;

/** Fills the struct's real protobuf fields from its plain copy; from then on it is an ordinary Struct. */
function materialise(struct: Lazy): void {
  const plain = struct[PLAIN]!;
  struct[PLAIN] = undefined;
  const map = struct.getFieldsMap();
  building++;
  try {
    for (const key of Object.keys(plain)) map.set(key, Value.fromJavaScript(plain[key]!));
  } finally {
    building--;
  }
}

let LazyStruct: (new () => Lazy) | undefined;

/**
 * The subclass of Struct whose protobuf storage (the message's field array and its wrapper objects, whatever the
 * minifier named them: found on a probe struct) is built on first access. Undefined if the probe fails: then
 * nothing is installed and every struct is protobuf's own.
 */
function lazyStructClass(): (new () => Lazy) | undefined {
  const probe = new Struct() as unknown as Record<string, unknown> & StructInstance;
  const arrayKey = Object.keys(probe).find((k) => Array.isArray(probe[k]) && probe[k] === probe.toArray());
  const map = probe.getFieldsMap();
  const wrappersKey = Object.keys(probe).find((k) => {
    const v = probe[k] as Record<string, unknown> | null;
    return v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v).includes(map);
  });
  if (!arrayKey || !wrappersKey || arrayKey === wrappersKey) return undefined;
  class Deferred extends Struct {
    override toJavaScript(): { [key: string]: any } {
      const plain = (this as Lazy)[PLAIN];
      return plain !== undefined ? (clonePlain(plain) as { [key: string]: Plain }) : super.toJavaScript();
    }
  }
  for (const key of [arrayKey, wrappersKey]) {
    const raw = Symbol(key);
    Object.defineProperty(Deferred.prototype, key, {
      get(this: Lazy & Record<symbol, unknown>) {
        if (this[PLAIN] !== undefined && !this[DEFER]) materialise(this);
        return this[raw];
      },
      set(this: Record<symbol, unknown>, v: unknown) {
        this[raw] = v;
      },
      configurable: true,
    });
  }
  return Deferred as unknown as new () => Lazy;
}

/**
 * A message setter that stores a lazy struct without building it: protobuf's setter asks the struct for its field
 * array (to keep in the parent message), which is handed over empty and filled in place if anything ever builds it.
 */
function deferInSetter(messageClass: { prototype: Record<string, unknown> } | undefined, setter: string): void {
  const proto = messageClass?.prototype;
  const set = proto?.[setter] as ((value: unknown) => unknown) | undefined;
  if (!proto || typeof set !== "function") return;
  proto[setter] = function (this: unknown, value: unknown) {
    if (LazyStruct && value instanceof LazyStruct && value[PLAIN] !== undefined) {
      value[DEFER] = true;
      try {
        return set.call(this, value);
      } finally {
        value[DEFER] = false;
      }
    }
    return set.call(this, value);
  };
}

const originalFromJavaScript = ((Struct.fromJavaScript as unknown as Record<symbol, unknown>)[ORIGINAL] ?? Struct.fromJavaScript) as (value: object) => StructInstance;

/** Struct.fromJavaScript as protobuf defines it, nested structs included (also once lazy structs are installed). */
export function protobufStructFromJavaScript(value: object): StructInstance {
  building++;
  try {
    return originalFromJavaScript(value);
  } finally {
    building--;
  }
}

/** Installs lazy structs in this process (idempotent). Returns whether they are in use. */
export function installLazyStructs(): boolean {
  if ((Struct.fromJavaScript as unknown as Record<symbol, unknown>)[ORIGINAL]) return true;
  LazyStruct = lazyStructClass();
  if (!LazyStruct) return false;
  const Lazy = LazyStruct;
  const lazyFromJavaScript = (value: object): StructInstance => {
    if (building > 0 || value === null || typeof value !== "object" || Array.isArray(value)) return protobufStructFromJavaScript(value);
    const proto = Object.getPrototypeOf(value);
    const plain = proto === Object.prototype || proto === null ? plainObject(value as Record<string, unknown>) : NOT_PLAIN;
    if (plain === NOT_PLAIN) return protobufStructFromJavaScript(value);
    const struct = new Lazy();
    struct[PLAIN] = plain;
    return struct;
  };
  Object.defineProperty(lazyFromJavaScript, ORIGINAL, { value: originalFromJavaScript });
  Struct.fromJavaScript = lazyFromJavaScript as typeof Struct.fromJavaScript;
  deferInSetter(resproto.RegisterResourceRequest, "setObject");
  deferInSetter(resproto.RegisterResourceOutputsRequest, "setOutputs");
  return true;
}

/**
 * The JavaScript value of a struct, as `toJavaScript()` returns it, without a copy when the struct is lazy: the
 * caller must not modify it.
 */
export function readStruct(struct: StructInstance): Record<string, unknown> {
  const plain = LazyStruct && struct instanceof LazyStruct ? struct[PLAIN] : undefined;
  return plain ?? (struct.toJavaScript() as Record<string, unknown>);
}
