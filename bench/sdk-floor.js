// The floor of any offline plan that runs the real Pulumi SDK registration path (issue 13): `count` resources
// with two inputs each (an SNS topic: a name and tags) registered through @pulumi/pulumi's own path (Resource,
// Outputs, prepareResource, serializeProperties, the monitor call, resolveOutputs) in batches the size of a
// 1,000-product mesh's stacks, with every saving the plan workers make (no stack traces, no promise leak
// detector, no protobuf encoding of the inputs, a monitor that answers at once and records nothing). No component, no validation, no policy, no
// manifest: what remains is the SDK's own cost per resource, which no change to this project can remove.
// Usage: node --require tsx/cjs [worker V8 flags] bench/sdk-floor.js <count> <batch>; prints the CPU ms spent.
"use strict";
const pulumi = require("@pulumi/pulumi");
const settings = require("@pulumi/pulumi/runtime/settings");
const state = require("@pulumi/pulumi/runtime/state");

const count = Number(process.argv[2] ?? 14705);
const batch = Number(process.argv[3] ?? 577);
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
const aws = require("@pulumi/aws");

(async () => {
  const started = process.cpuUsage();
  for (let from = 0; from < count; from += batch) {
    for (let i = from; i < Math.min(count, from + batch); i++) new aws.sns.Topic(`topic-${i}`, { name: `topic-${i}`, tags: { domain: "floor", product: `p${i}` } });
    await settings.waitForRPCs();
  }
  const used = process.cpuUsage(started);
  process.stdout.write(`${Math.round((used.user + used.system) / 1000)}\n`);
})();
