// Plan-worker preload (--require, after tsx): the TypeScript compiler is loaded when first used, not at start-up.
//
// The Pulumi SDK requires `typescript` (a 9 MB module) when it loads, for serialising JavaScript functions into
// closures (runtime/closure/parseFunction.js keeps it in a module constant and uses it only inside functions). A plan
// on the mock runtime serialises no function, yet every worker paid ~0.25 s of CPU and ~46 MB of memory to load
// it (docs/performance.md). The module the SDK receives forwards every access to the real compiler, which it loads
// on the first access: the SDK behaves the same whether or not it ever needs it.
"use strict";
const { dirname } = require("node:path");
const { lazyNamespace } = require("./lazy-module");

lazyNamespace(require.resolve("typescript", { paths: [dirname(require.resolve("@pulumi/pulumi/package.json"))] }));
