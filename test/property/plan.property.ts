import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManifestResource } from "../../cli/src/plan/manifest";
import { recordingRuntime, settle } from "../helpers/mock-runtime";
import { checkProperty, runs } from "./support/fuzz";
import { meshArbitrary } from "./support/mesh-arbitrary";
import { meshFiles, scratchDir, writeMeshRoot } from "./support/mesh-files";
import { NameClaims } from "./support/name-claims";
import { stackProblems } from "./support/plan-checks";

// Valid generated meshes declared through the real Domain and Platform components on the plan's recording
// runtime, in this process: every physical name, tag and Kubernetes name the stacks register is valid and unique
// where its service needs it, and no mandatory governance rule finds anything.

type Components = typeof import("../../components/src");
type Runner = typeof import("../../components/policies/runner");

/** Time one case (a mesh root written, loaded, and every stack of every environment declared) may take. */
const CASE_BUDGET_MS = Number(process.env.FUZZ_PLAN_CASE_BUDGET_MS ?? 30_000);
/** Waiver expiry dates are compared with this day, so a run gives the same result every day. */
const TODAY = "2026-06-01";

let components: Components;
let runner: Runner;
const root = mkdtempSync(join(scratchDir(), "plan-fuzz-"));
let slowest = 0;
let stacksPlanned = 0;
let resourcesChecked = 0;
let kubernetesResources = 0;

beforeAll(async () => {
  // The runtime must be in mock mode before the components (and the Pulumi SDK) are loaded.
  recordingRuntime("warm-up");
  components = await import("../../components/src");
  runner = await import("../../components/policies/runner");
});

afterAll(() => {
  console.log(`plan: ${stacksPlanned} stacks, ${resourcesChecked} resources (${kubernetesResources} Kubernetes); slowest case ${slowest} ms (budget ${CASE_BUDGET_MS} ms)`);
  rmSync(root, { recursive: true, force: true });
});

/** Declares one stack on a fresh recording runtime and returns what it registered. */
async function declare(stack: string, build: () => void): Promise<ManifestResource[]> {
  const monitor = recordingRuntime(stack);
  const failures: unknown[] = [];
  const onRejection = (e: unknown) => failures.push(e);
  process.on("unhandledRejection", onRejection);
  // As the plan's workers run (node --stack-trace-limit=0): the SDK takes a stack trace per resource, a large
  // share of the time. A failing declaration still reports its message.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    build();
    await settle();
  } finally {
    Error.stackTraceLimit = limit;
    process.off("unhandledRejection", onRejection);
  }
  if (failures.length > 0) throw failures[0];
  return monitor.resources.map((r) => ({ ...r }));
}

/** Declares every stack of one environment (its domains and its platform) and returns what is wrong with them. */
async function planEnvironment(mesh: ReturnType<Components["loadMesh"]>, env: string, allowDestroy: boolean, claims: NameClaims): Promise<string[]> {
  const cluster = mesh.config.environments[env]!.eksOidcIssuer ?? "none";
  const problems: string[] = [];
  const check = (stack: string, resources: ManifestResource[], scope: { account: string; region: string; cluster: string }) => {
    problems.push(...stackProblems(stack, resources, scope, claims));
    problems.push(...runner.blocking(runner.evaluate(resources, { today: TODAY })).map((f) => `${stack}: ${f.rule} on ${f.resource}: ${f.message}`));
    stacksPlanned++;
    resourcesChecked += resources.length;
    kubernetesResources += resources.filter((r) => r.type.startsWith("kubernetes:")).length;
  };
  for (const domain of mesh.domains.filter((d) => d.config.environments[env])) {
    const spec = components.resolveDomainStack(mesh, domain.name, env);
    const stack = `${domain.name}-${env}`;
    check(stack, await declare(stack, () => new components.Domain(domain.name, { spec, allowDestroy })), { account: spec.account, region: spec.region, cluster });
  }
  const spec = components.resolvePlatformStack(mesh, env);
  const stack = `platform-${env}`;
  check(stack, await declare(stack, () => new components.Platform("platform", { spec })), { account: spec.account, region: spec.region, cluster: "none" });
  return problems;
}

describe("planned stacks of valid meshes", () => {
  it("register valid physical names, unique across every environment of the mesh, valid tags and Kubernetes names, and pass every mandatory governance rule", async () => {
    const cases = fc.record({
      gen: meshArbitrary({ maxDomains: 3, maxProducts: 2, forPlan: true, names: "unique" }),
      allowDestroy: fc.boolean(),
    });
    await checkProperty("plan/declared-stacks", fc.asyncProperty(cases, async ({ gen, allowDestroy }) => {
      const started = performance.now();
      writeMeshRoot(root, meshFiles(gen));
      const mesh = components.loadMesh(root);
      // Every environment of the mesh against one set of claims: a name two environments share is a collision.
      const claims = new NameClaims();
      const problems: string[] = [];
      for (const env of Object.keys(mesh.config.environments)) problems.push(...(await planEnvironment(mesh, env, allowDestroy, claims)));
      problems.push(...claims.problems);
      slowest = Math.max(slowest, Math.round(performance.now() - started));
      if (problems.length > 0) throw new Error(problems.join("\n  "));
    }), runs(120), { timeout: CASE_BUDGET_MS });
    expect(stacksPlanned).toBeGreaterThan(runs(120));
  });
});
