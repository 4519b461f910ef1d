import type * as pulumi from "@pulumi/pulumi";
import type { ManifestResource } from "../../cli/src/plan/manifest";
import { installRecordingMonitor, type RecordingMonitor } from "../../cli/src/plan/recorder";

export { settle } from "../../cli/src/plan/recorder";

/**
 * Points the Pulumi runtime at the plan's recording monitor, for tests that declare components directly.
 * Call once per test file, before declaring any resource.
 */
export function recordingRuntime(stack: string, config: Record<string, string> = {}): RecordingMonitor {
  return installRecordingMonitor("mesh", stack, config, { region: "eu-west-1", account: "111111111111" });
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
