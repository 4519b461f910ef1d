import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/fixture";

const PRELOADS = ["--require", require.resolve("tsx/cjs"), ...["fast-cjs.js", "lazy-typescript.js", "lazy-sdk.js"].flatMap((f) => ["--require", join(REPO, "cli", "bin", f)])];

/** Runs a script in a fresh Node.js process with the plan workers' preloads, from `cwd`; returns its stdout. */
function runWithPreloads(script: string, cwd = REPO): string {
  const r = spawnSync(process.execPath, [...PRELOADS, "-e", script], { cwd, encoding: "utf8", timeout: 120_000 });
  expect(r.stderr.replace(/\(node:\d+\) \[DEP0025\].*\n.*\n?/g, "").replace(/\(node:\d+\) ExperimentalWarning.*\n?/g, "")).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("plan worker preloads (cli/bin)", () => {
  it("fast-cjs: a package file with ES module syntax is still transformed by tsx, a CommonJS one loads as it is", () => {
    const dir = mkdtempSync(join(tmpdir(), "mesh-preload-"));
    const pkg = (name: string, source: string) => {
      mkdirSync(join(dir, "node_modules", name), { recursive: true });
      writeFileSync(join(dir, "node_modules", name, "package.json"), JSON.stringify({ name, version: "1.0.0", main: "index.js" }));
      writeFileSync(join(dir, "node_modules", name, "index.js"), source);
    };
    // Node alone cannot require this file (ES syntax in a CommonJS package); tsx transforms it.
    pkg("esm-syntax", "export const answer = 42;\n");
    // Compiled CommonJS, the text "import" only inside a word and a string: never needs the transform.
    pkg("plain-cjs", "\"use strict\";\nexports.kind = 'no imports here: __importDefault';\n");
    const out = runWithPreloads("console.log(JSON.stringify([require('esm-syntax').answer, require('plain-cjs').kind]))", dir);
    expect(JSON.parse(out)).toEqual([42, "no imports here: __importDefault"]);
  });

  it("lazy-typescript: loading the Pulumi SDK no longer loads the TypeScript compiler, which still works when the SDK needs it", () => {
    const out = runWithPreloads(`
      // Every module source compiled in this process, to tell whether the compiler itself was ever loaded.
      const Module = require("node:module");
      const compiled = [];
      const compile = Module.prototype._compile;
      Module.prototype._compile = function (source, filename) { compiled.push(filename); return compile.call(this, source, filename); };
      const loaded = () => compiled.some((f) => f.endsWith("typescript/lib/typescript.js"));
      const pulumi = require("@pulumi/pulumi");
      const before = loaded();
      // Serialising a function is what the SDK keeps the compiler for: it parses the function's text with it.
      pulumi.runtime.serializeFunction(function addOne(a) { return a + 1; }).then((s) => {
        console.log(JSON.stringify({ before, after: loaded(), text: s.text.includes("return a + 1"), version: require("@pulumi/pulumi/typescript-shim").version }));
      });
    `);
    const result = JSON.parse(out.trim().split("\n").pop()!);
    expect(result.before).toBe(false);
    expect(result.after).toBe(true);
    expect(result.text).toBe(true);
    expect(result.version).toBe(require("typescript/package.json").version);
  });

  it("lazy-sdk: loading the Pulumi SDK loads neither its automation API, the closure packages, gRPC nor OpenTelemetry, which still work when used", () => {
    // A program folder with one dependency: computing a closure's code paths lists it (as the SDK documents).
    const dir = mkdtempSync(join(tmpdir(), "mesh-preload-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", dependencies: { "dep-a": "1.0.0" } }));
    mkdirSync(join(dir, "node_modules", "dep-a"), { recursive: true });
    writeFileSync(join(dir, "node_modules", "dep-a", "package.json"), JSON.stringify({ name: "dep-a", version: "1.0.0" }));
    const out = runWithPreloads(`
      const Module = require("node:module");
      const compiled = [];
      const compile = Module.prototype._compile;
      Module.prototype._compile = function (source, filename) { compiled.push(filename); return compile.call(this, source, filename); };
      const loaded = (part) => compiled.some((f) => f.includes(part));
      const pulumi = require(${JSON.stringify(require.resolve("@pulumi/pulumi"))});
      const before = ["/automation/", "/@npmcli/arborist/", "closure/codePaths.js", "closure/serializeClosure.js", "/@grpc/grpc-js/", "_grpc_pb.js", "/@opentelemetry/"].filter(loaded);
      const workspace = typeof pulumi.automation.LocalWorkspace.create;
      // The SDK's gRPC client, as it builds it for a real engine (runtime/settings.js): a real client of the real service.
      const grpc = require(${JSON.stringify(require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/pulumi")] }))});
      const resrpc = require(${JSON.stringify(require.resolve("@pulumi/pulumi/proto/resource_grpc_pb"))});
      const client = new resrpc.ResourceMonitorClient("127.0.0.1:1", grpc.credentials.createInsecure());
      const grpcClient = { client: client instanceof grpc.Client, registerResource: typeof client.registerResource, service: Object.keys(resrpc.ResourceMonitorService).includes("registerResource"), status: grpc.status.UNAVAILABLE };
      client.close();
      const tracer = typeof require(${JSON.stringify(require.resolve("@opentelemetry/api", { paths: [require.resolve("@pulumi/pulumi")] }))}).trace.getTracer;
      pulumi.runtime.computeCodePaths().then(async (paths) => {
        const fn = await pulumi.runtime.serializeFunction(function addOne(a) { return a + 1; });
        console.log(JSON.stringify({ before, workspace, grpcClient, tracer, paths: [...paths.keys()], arborist: loaded("/@npmcli/arborist/"), text: fn.text.includes("return a + 1") }));
      });
    `, dir);
    const result = JSON.parse(out.trim().split("\n").pop()!);
    expect(result.before).toEqual([]);
    expect(result.workspace).toBe("function");
    // grpc.status.UNAVAILABLE is 14 (gRPC status codes, grpc/doc/statuscodes.md).
    expect(result.grpcClient).toEqual({ client: true, registerResource: "function", service: true, status: 14 });
    expect(result.tracer).toBe("function");
    expect(result.paths).toEqual(["node_modules/dep-a"]);
    expect(result.arborist).toBe(true);
    expect(result.text).toBe(true);
  });
});
