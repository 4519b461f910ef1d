// The floor of any offline plan that must run the real Pulumi SDK registration path with the real provider
// resource classes (issue 13): the custom resources a plan recorded (<plan dir>/<stack>.json), registered again
// through their provider classes (aws.s3.Bucket, k8s.batch.v1.CronJob, …) with the inputs the plan recorded, stack
// by stack, through @pulumi/pulumi's own path (Resource, an Output per declared property, prepareResource,
// serializeProperties, the monitor call, resolveOutputs), with every saving the plan workers make (no stack
// traces, no promise leak detector, no protobuf encoding of the inputs, a monitor that answers at once and records
// nothing). No component, no validation, no policy, no manifest: what remains is what the SDK and the providers'
// classes cost for these resources, which no change to this project's components or engine can remove.
// Usage: node --require tsx/cjs [worker V8 flags] bench/sdk-floor.js <plan dir> <worker index> <workers>;
// prints the number of resources it registered and the CPU milliseconds that took.
"use strict";
const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const pulumi = require("@pulumi/pulumi");
const settings = require("@pulumi/pulumi/runtime/settings");
const state = require("@pulumi/pulumi/runtime/state");

const [planDir, index, workers] = [process.argv[2], Number(process.argv[3] ?? 0), Number(process.argv[4] ?? 1)];
// The workers' own shortcut for the SDK's request encoding (a TypeScript module: the bench runs this with tsx).
require("../cli/src/plan/lazy-struct.ts").installLazyStructs();
pulumi.Resource.stackTrace = () => [];
require("@pulumi/pulumi/runtime/debuggable").debuggablePromise = (p) => p;
const monitor = {
  registerResource(req, callback) {
    const inputs = req.getObject()?.toJavaScript() ?? {};
    const urn = `urn:pulumi:floor::floor::${req.getType()}::${req.getName()}`;
    callback(null, { getUrn: () => urn, getId: () => req.getName(), getObject: () => ({ toJavaScript: () => inputs }), getPropertydependenciesMap: () => undefined, getResult: () => 0 });
  },
  registerResourceOutputs: (_req, callback) => callback(null, {}),
  supportsFeature: (req, callback) => callback(null, { getHassupport: () => req.getId() !== "outputValues" }),
};
settings.setMockOptions(monitor, "floor", "floor", false);
Object.assign(state.getStore(), { supportsSecrets: true, supportsResourceReferences: true, supportsOutputValues: false, supportsDeletedWith: true, supportsAliasSpecs: true });
const packages = { aws: require("@pulumi/aws"), kubernetes: require("@pulumi/kubernetes") };

/** The provider's class of a type token: `aws:s3/bucket:Bucket` → aws.s3.Bucket, `kubernetes:batch/v1:CronJob` → k8s.batch.v1.CronJob. */
function classOf(type) {
  const provider = type.match(/^pulumi:providers:(\w+)$/);
  if (provider) return packages[provider[1]].Provider;
  const [pkg, module, name] = type.split(":");
  let at = packages[pkg];
  // Kubernetes API groups are named by their first label: networking.k8s.io/v1 → networking.v1.
  for (const part of pkg === "kubernetes" ? [module.split("/")[0].split(".")[0], module.split("/")[1]] : [module.split("/")[0]]) at = at?.[part];
  if (typeof at?.[name] !== "function") throw new Error(`no class for ${type}`);
  return at[name];
}

const stacks = readdirSync(planDir).filter((f) => f.endsWith(".json") && !["summary.json", "diff.json", "lineage.json", "contracts.json"].includes(f)).sort();
const mine = stacks.filter((_, i) => i % workers === index).map((f) => JSON.parse(readFileSync(join(planDir, f), "utf8")).resources.filter((r) => r.custom));
(async () => {
  const started = process.cpuUsage();
  let count = 0;
  for (const resources of mine) {
    for (const r of resources) new (classOf(r.type))(r.name, r.inputs);
    count += resources.length;
    await settings.waitForRPCs();
  }
  const used = process.cpuUsage(started);
  process.stdout.write(`${count} ${Math.round((used.user + used.system) / 1000)}\n`);
})();
