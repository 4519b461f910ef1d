import * as pulumi from "@pulumi/pulumi";
import { BLUEPRINT_VERSION } from "@data-mesh/components/src/version";
import type { StackJob, StackResult } from "./job";
import type { StackManifest } from "./manifest";
import { statsOf, writeManifest } from "./manifest-io";
import { installRecordingMonitor, settle } from "./recorder";

function byUrn(a: { urn: string }, b: { urn: string }): number {
  return a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0;
}

/**
 * Runs one stack's real Pulumi program on the mock runtime and returns its manifest. A worker process may run
 * several stacks one after another: each run resets the runtime's settings and config and re-executes the
 * program module; the component library stays loaded.
 */
export async function planStack(job: StackJob): Promise<StackResult> {
  const started = Date.now();
  const failures: unknown[] = [];
  const onRejection = (e: unknown) => failures.push(e);
  process.on("unhandledRejection", onRejection);
  const monitor = installRecordingMonitor(job.project, job.stack, job.config, job.location);
  try {
    delete require.cache[require.resolve(job.program)];
    require(job.program);
    await settle();
  } catch (e) {
    failures.push(e);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
  if (failures.length > 0) {
    const e = failures[0] as Error | undefined;
    const isConfig = pulumi.RunError.isInstance(e as object) || e?.name === "ConfigError" || e?.name === "ConfigErrors";
    return { ok: false, stack: job.stack, kind: isConfig ? "config" : "internal", message: isConfig ? e!.message : String(e?.stack ?? e) };
  }
  const resources = monitor.resources.sort(byUrn);
  const manifest: StackManifest = { stack: job.stack, project: job.project, domain: job.domain, env: job.env, blueprintVersion: BLUEPRINT_VERSION, resources };
  writeManifest(job.manifestFile, manifest);
  return { ok: true, stack: job.stack, stats: statsOf(manifest, Date.now() - started) };
}
