import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { BLUEPRINT_VERSION } from "@data-mesh/components/src/version";
import type { StackManifest } from "./manifest";
import type { StackJob, StackResult } from "./job";
import { Recorder } from "./recorder";

/**
 * Runs one stack's real Pulumi program on the SDK's mock runtime and returns its manifest. The runtime is
 * process-global, so this runs once per process (see worker.ts).
 */
export async function planStack(job: StackJob): Promise<StackResult> {
  const started = Date.now();
  const failures: unknown[] = [];
  const onRejection = (e: unknown) => failures.push(e);
  process.on("unhandledRejection", onRejection);

  pulumi.runtime.setAllConfig(job.config);
  const recorder = new Recorder(job.location);
  await pulumi.runtime.setMocks(recorder.mocks, job.project, job.stack, false);
  recorder.attach(settings.getMonitor() as never);
  try {
    require(job.program);
    await pulumi.runtime.disconnect().catch(() => undefined);
  } catch (e) {
    failures.push(e);
  }
  process.off("unhandledRejection", onRejection);
  if (failures.length > 0) {
    const e = failures[0] as Error | undefined;
    const isConfig = pulumi.RunError.isInstance(e as object) || e?.name === "ConfigError" || e?.name === "ConfigErrors";
    return { ok: false, stack: job.stack, kind: isConfig ? "config" : "internal", message: isConfig ? e!.message : String(e?.stack ?? e) };
  }
  const resources = recorder.resources.sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  const manifest: StackManifest = { stack: job.stack, project: job.project, domain: job.domain, env: job.env, blueprintVersion: BLUEPRINT_VERSION, resources };
  return { ok: true, stack: job.stack, manifestJson: JSON.stringify(manifest, null, 1), resourceCount: resources.length, millis: Date.now() - started };
}
