// Plan-worker preload (--require, after tsx): parts of the Pulumi SDK that a plan on the mock runtime never runs are
// loaded when first used, not when the SDK loads (docs/performance.md, worker module list):
// - `automation` (driving the pulumi CLI: execa, and through runtime/closure the packages below), which
//   `@pulumi/pulumi` requires only to export it as `pulumi.automation`;
// - runtime/closure/codePaths (finding the packages a serialised function needs: @npmcli/arborist and with it
//   pacote, sigstore, make-fetch-happen…, ~500 modules) and runtime/closure/serializeClosure (serialising functions),
//   which runtime/index.js requires only to re-export their functions.
// - the gRPC client and server code (@grpc/grpc-js, ~65 modules, and the SDK's generated `proto/*_grpc_pb.js`
//   services, which build their clients with it when they load): a mock plan talks to no engine over gRPC;
// - @opentelemetry/api, used only to trace gRPC calls.
// Each stand-in forwards to the real module, loaded on its first use: a program that does use them still works.
"use strict";
const { dirname, join } = require("node:path");
const { isCompiledEsModule, lazyFunctions, lazyGrpcServices, lazyNamespace } = require("./lazy-module");

const sdk = dirname(require.resolve("@pulumi/pulumi/package.json"));
const automation = join(sdk, "automation", "index.js");
if (isCompiledEsModule(automation)) lazyNamespace(automation, { __esModule: true });
lazyFunctions(join(sdk, "runtime", "closure", "codePaths.js"));
lazyFunctions(join(sdk, "runtime", "closure", "serializeClosure.js"));
for (const service of ["resource", "engine", "callback", "provider"]) lazyGrpcServices(join(sdk, "proto", `${service}_grpc_pb.js`));
for (const pkg of ["@grpc/grpc-js", "@opentelemetry/api"]) {
  const entry = require.resolve(pkg, { paths: [sdk] });
  if (isCompiledEsModule(entry)) lazyNamespace(entry, { __esModule: true });
}
