import * as pulumi from "@pulumi/pulumi";
import { evaluate } from "@data-mesh/components/policies/runner";
import { BLUEPRINT_VERSION } from "@data-mesh/components/src/version";
import type { StackJob, StackResult } from "./job";
import type { StackManifest } from "./manifest";
import { statsOf, writeManifest } from "./manifest-io";
import { installRecordingMonitor, settle } from "./recorder";

/**
 * Drops the program module so the next stack runs it afresh. Deleting it from the require cache is not enough:
 * the requiring module keeps it in `children`, and with it every resource and output of the stack.
 */
function forget(program: string): void {
  delete require.cache[program];
  if (module.children) module.children = module.children.filter((m) => m.id !== program);
}

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
  const program = require.resolve(job.program);
  try {
    require(program);
    await settle();
  } catch (e) {
    failures.push(e);
  } finally {
    process.off("unhandledRejection", onRejection);
    forget(program);
  }
  if (failures.length > 0) {
    const e = failures[0] as Error | undefined;
    const isConfig = pulumi.RunError.isInstance(e as object) || e?.name === "ConfigError" || e?.name === "ConfigErrors";
    return { ok: false, stack: job.stack, kind: isConfig ? "config" : "internal", message: isConfig ? e!.message : String(e?.stack ?? e) };
  }
  const resources = monitor.resources.sort(byUrn);
  // The same rules the policy pack runs in `pulumi preview`, on the same resources.
  const findings = evaluate(resources);
  const manifest: StackManifest = { stack: job.stack, project: job.project, domain: job.domain, env: job.env, blueprintVersion: BLUEPRINT_VERSION, findings, resources };
  writeManifest(job.manifestFile, manifest);
  return { ok: true, stack: job.stack, stats: statsOf(manifest, Date.now() - started, job.priceOverrides) };
}
