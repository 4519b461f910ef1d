// Helpers for the plan-worker preloads (lazy-typescript.js, lazy-sdk.js): put a stand-in for a module into the
// require cache, so that whoever requires the module gets the stand-in, and the module itself is loaded on first use.
// The stand-in forwards every use to the real module, so the program behaves the same whether or not it ever uses it.
"use strict";
const Module = require("node:module");
const { readFileSync } = require("node:fs");
const { dirname } = require("node:path");

/** A loader of `file` that runs the module once, on the first call; returns its (current) exports. */
function deferred(file) {
  let real;
  return () => {
    if (!real) {
      // Set before loading: a module that (indirectly) requires itself gets its partial exports, as with require.
      real = new Module(file, null);
      real.filename = file;
      real.paths = Module._nodeModulePaths(dirname(file));
      real.load(file);
    }
    return real.exports;
  };
}

function install(file, exports) {
  const entry = new Module(file, null);
  entry.filename = file;
  entry.loaded = true;
  entry.exports = exports;
  require.cache[file] = entry;
}

const ES_MODULE_FLAG = 'Object.defineProperty(exports, "__esModule", { value: true });';

/** Whether a module is compiled TypeScript that marks its exports as an ES module namespace (`__esModule`). */
function isCompiledEsModule(file) {
  return readFileSync(file, "utf8").includes(ES_MODULE_FLAG);
}

/**
 * The module's exports become a proxy that loads the module on the first access. `known` answers reads that a
 * requiring module makes while it loads (TypeScript's `__importStar` reads `__esModule`) without loading it.
 */
function lazyNamespace(file, known = {}) {
  const real = deferred(file);
  install(file, new Proxy(Object.create(null), {
    get: (_, key) => (Object.prototype.hasOwnProperty.call(known, key) ? known[key] : Reflect.get(real(), key)),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may not report a non-configurable property its (empty) target lacks.
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  }));
}


/**
 * For a compiled TypeScript module whose exports are all functions declared in it (`exports.f = f;` for a
 * `function f`/`async function f`): the stand-in exports a forwarding function of each name, so a module that
 * copies the functions when it loads (`exports.f = m.f`) does not load it. Anything else in the file (another kind
 * of export, `module.exports`): nothing is installed, the module loads as usual. Returns whether it installed one.
 */
function lazyFunctions(file) {
  const source = readFileSync(file, "utf8");
  if (!source.includes(ES_MODULE_FLAG) || source.includes("module.exports")) return false;
  const names = [];
  for (const line of source.split("\n")) {
    if (!line.startsWith("exports.")) continue;
    const m = /^exports\.(\w+) = (\w+);$/.exec(line);
    if (!m || m[1] !== m[2] || !new RegExp(`^(?:async )?function\\*? ${m[1]}\\(`, "m").test(source)) return false;
    names.push(m[1]);
  }
  if (names.length === 0) return false;
  const real = deferred(file);
  const stand = {};
  Object.defineProperty(stand, "__esModule", { value: true });
  for (const name of names) stand[name] = function (...args) { return real()[name].apply(this, args); };
  install(file, stand);
  return true;
}

module.exports = { isCompiledEsModule, lazyNamespace, lazyFunctions };
