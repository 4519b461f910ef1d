import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import type { ManifestResource } from "../../cli/src/plan/manifest";
import { Recorder } from "../../cli/src/plan/recorder";

/**
 * Sets up the Pulumi mock runtime with the plan's recording monitor, for tests that declare components directly.
 * Call once per test file, before declaring any resource.
 */
export async function recordingRuntime(stack: string, config: Record<string, string> = {}): Promise<Recorder> {
  pulumi.runtime.setAllConfig(config);
  const recorder = new Recorder({ region: "eu-west-1", account: "111111111111" });
  await pulumi.runtime.setMocks(recorder.mocks, "mesh", stack, false);
  recorder.attach(settings.getMonitor() as never);
  return recorder;
}

/** Waits until every registration declared so far has been answered by the mock monitor. */
export async function settle(): Promise<void> {
  await (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** The resolved value of an output. */
export function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

export function byType(resources: ManifestResource[], type: string): ManifestResource[] {
  return resources.filter((r) => r.type === type);
}

export function one(resources: ManifestResource[], type: string, nameEndsWith: string): ManifestResource {
  const matches = resources.filter((r) => r.type === type && r.name.endsWith(nameEndsWith));
  if (matches.length !== 1) throw new Error(`expected one ${type} named *${nameEndsWith}, found ${matches.map((m) => m.name).join(", ") || "none"}`);
  return matches[0]!;
}

export function policyOf(resource: ManifestResource, field = "policy"): { Statement: Record<string, any>[] } {
  return JSON.parse(resource.inputs[field] as string);
}
