import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkProperty, runs } from "./support/fuzz";
import { IsolatedLoader, type Verdict } from "./support/isolated-load";
import { buildMesh, meshArbitrary, type MeshOptions } from "./support/mesh-arbitrary";
import { meshFiles } from "./support/mesh-files";
import { mutate } from "./support/mutations";
import { referenceCollisions } from "./support/name-oracle";
import { expectCollisionRefused, expectLoadsOrConfigError } from "./support/verdicts";

// domain.yaml, product.yaml, contract.odcs.yaml and mesh.yaml, generated and then broken, written as a mesh root
// and loaded with loadMesh, every domain and platform stack resolved: each case either loads with valid, unique
// physical names, or fails with a ConfigError that names a file and a field (support/verdicts.ts).

/** Time one case may take; a case that takes longer is a hang (the loader runs in a worker thread it can stop). */
const CASE_BUDGET_MS = Number(process.env.FUZZ_CASE_BUDGET_MS ?? 5_000);

const OPTIONS: MeshOptions = { maxDomains: 3, maxProducts: 3, forPlan: false, names: "any" };
const loader = new IsolatedLoader(CASE_BUDGET_MS);

/** Valid meshes loaded, and refused because two owners would share a physical name. */
const valid = { loaded: 0, refused: 0 };

/** What broken meshes came to: loaded, or refused by which file (to see that mutations reach every file). */
const outcomes = new Map<string, number>();
function tally(v: Verdict): void {
  const key = v.kind !== "config" ? v.kind : `ConfigError in ${v.errors[0]!.file.replace(/^domains\/[^/]+\/products\/[^/]+\//, "<product>/").replace(/^domains\/[^/]+\//, "<domain>/").replace(/^stacks\/.*/, "stacks/*")}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}

afterAll(async () => {
  console.log(`config: valid meshes loaded ${valid.loaded}, refused for a name collision ${valid.refused}`);
  console.log(`config: slowest case ${loader.slowest} ms (budget ${CASE_BUDGET_MS} ms); broken meshes: ${[...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  await loader.close();
});

describe("mesh config files", () => {
  it("valid meshes load with valid names unique across every environment, or are refused exactly when two owners would share a name", async () => {
    await checkProperty("config/valid-meshes", fc.asyncProperty(meshArbitrary(OPTIONS), async (gen) => {
      const verdict = await loader.load(meshFiles(gen));
      expectLoadsOrConfigError(verdict, "a valid mesh");
      const collisions = referenceCollisions(gen);
      if (collisions.length > 0) {
        expectCollisionRefused(verdict, collisions);
        valid.refused++;
        return;
      }
      if (verdict.kind !== "ok") throw new Error(`a valid mesh was refused: ${verdict.kind === "config" ? verdict.message : verdict.kind}`);
      valid.loaded++;
    }), runs(600));
    // Both outcomes were seen: the generator does make names meet, and most meshes still load.
    expect(valid.refused).toBeGreaterThan(0);
    expect(valid.loaded).toBeGreaterThan(valid.refused);
  });

  it("broken meshes load with valid names or fail with a ConfigError that names a file and a field", async () => {
    const broken = fc.gen().map((g) => mutate(g, buildMesh(g, OPTIONS)));
    await checkProperty("config/broken-meshes", fc.asyncProperty(broken, async ({ files, applied }) => {
      const verdict = await loader.load(files);
      tally(verdict);
      expectLoadsOrConfigError(verdict, `mutations: ${applied.join("; ")}`);
    }), runs(1600));
  });
});
