// Plan-worker preload (--require, after tsx): the TypeScript compiler is loaded when first used, not at start-up.
//
// The Pulumi SDK requires `typescript` (a 9 MB module) when it loads, for serialising JavaScript functions into
// closures (runtime/closure/parseFunction.js keeps it in a module constant and uses it only inside functions). A plan
// on the mock runtime serialises no function, yet every worker paid ~0.25 s of CPU and ~46 MB of memory to load
// it (docs/performance.md). The module the SDK receives forwards every access to the real compiler, which it loads
// on the first access: the SDK behaves the same whether or not it ever needs it.
"use strict";
const Module = require("node:module");
const { dirname } = require("node:path");

const file = require.resolve("typescript", { paths: [dirname(require.resolve("@pulumi/pulumi/package.json"))] });
let real;
function compiler() {
  if (!real) {
    const m = new Module(file, null);
    m.filename = file;
    m.paths = Module._nodeModulePaths(dirname(file));
    m.load(file);
    real = m.exports;
  }
  return real;
}

const lazy = new Proxy(Object.create(null), {
  get: (_, key) => Reflect.get(compiler(), key),
  set: (_, key, value) => Reflect.set(compiler(), key, value),
  has: (_, key) => Reflect.has(compiler(), key),
  ownKeys: () => Reflect.ownKeys(compiler()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Reflect.getOwnPropertyDescriptor(compiler(), key);
    // A proxy may not report a non-configurable property its (empty) target lacks.
    return d && { ...d, configurable: true };
  },
  defineProperty: (_, key, d) => Reflect.defineProperty(compiler(), key, d),
  deleteProperty: (_, key) => Reflect.deleteProperty(compiler(), key),
});

const entry = new Module(file, null);
entry.filename = file;
entry.loaded = true;
entry.exports = lazy;
require.cache[file] = entry;
