import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StackStats } from "../../cli/src/plan/job";
import { applyEdit, damageBytes, type EditState } from "./support/cache-edits";
import { codeVariants } from "./support/cache-code-variants";
import { checkProperty, runs } from "./support/fuzz";
import { buildMesh } from "./support/mesh-arbitrary";
import { meshFiles, scratchDir, writeMeshRoot } from "./support/mesh-files";

// Warm vs cold, layer by layer, in this process (no stack is planned, so a thousand edit sequences take seconds):
// after every edit of a sequence (config, contract, domain, mesh.yaml, prices, a broken file, a revert, a switch
// to another version of the code, damage to the cache's files),
// - the validated-products cache: preparing the plan with the warm out/.cache/products.v8 gives exactly the model,
//   the stack jobs and the stack cache keys that preparing it without a cache gives (or the same ConfigError);
// - the stack cache (out/.cache/plan): an entry it serves is byte for byte what was stored for that key, which is a
//   function of the code version and of the whole job a worker would be given (so a key that misses an input the
//   job carries shows up as a stale hit), whatever was done to the cache's and out/plan's files in between.
// cache-plans.property.ts compares whole plans (manifests, diff, exit code) on a sample.

type PrepareModule = typeof import("../../cli/src/plan/prepare");
type ProductCacheModule = typeof import("../../cli/src/plan/product-cache");
type PlanCacheModule = typeof import("../../cli/src/plan/cache");
type FingerprintModule = typeof import("../../cli/src/plan/fingerprint");
type ResolveModule = typeof import("../../components/src/blueprint/resolve");
type ResolvePlatformModule = typeof import("../../components/src/blueprint/resolve-platform");

interface LoadedVariant {
  name: string;
  code: string;
  prepare: PrepareModule["preparePlan"];
  ProductCache: ProductCacheModule["PersistentProductCache"];
  PlanCache: PlanCacheModule["PlanCache"];
  exactJson: FingerprintModule["exactJson"];
  spec(mesh: unknown, domain: string, env: string): unknown;
}

const OPTIONS = { maxDomains: 2, maxProducts: 2, forPlan: true, names: "unique" } as const;
const SECRET = "cache-layers-secret";
const { variants, cleanup } = codeVariants();
const loaded: LoadedVariant[] = [];
const scratch = mkdtempSync(join(scratchDir(), "cache-layers-"));
const seen = { steps: 0, prepared: 0, refused: 0, productHits: 0, stackHits: 0, stackMisses: 0, damaged: 0, switches: 0 };

beforeAll(async () => {
  for (const v of variants) {
    const [prepare, productCache, planCache, fingerprint, resolve, resolvePlatform] = await Promise.all([
      import(join(v.dir, "cli/src/plan/prepare.ts")) as Promise<PrepareModule>,
      import(join(v.dir, "cli/src/plan/product-cache.ts")) as Promise<ProductCacheModule>,
      import(join(v.dir, "cli/src/plan/cache.ts")) as Promise<PlanCacheModule>,
      import(join(v.dir, "cli/src/plan/fingerprint.ts")) as Promise<FingerprintModule>,
      import(join(v.dir, "components/src/blueprint/resolve.ts")) as Promise<ResolveModule>,
      import(join(v.dir, "components/src/blueprint/resolve-platform.ts")) as Promise<ResolvePlatformModule>,
    ]);
    loaded.push({
      name: v.name,
      code: fingerprint.computeCodeFingerprint(v.dir),
      prepare: prepare.preparePlan,
      ProductCache: productCache.PersistentProductCache,
      PlanCache: planCache.PlanCache,
      exactJson: fingerprint.exactJson,
      spec: (mesh, domain, env) => (domain === "platform" ? resolvePlatform.resolvePlatformStack(mesh as never, env) : resolve.resolveDomainStack(mesh as never, domain, env)),
    });
  }
  expect(new Set(loaded.map((v) => v.code)).size).toBe(loaded.length);
}, 300_000);

afterAll(() => {
  console.log(`cache layers: ${JSON.stringify(seen)}`);
  rmSync(scratch, { recursive: true, force: true });
  cleanup();
  // Not vacuous: plans were prepared and refused, products and stacks were served from the caches and missed,
  // the code changed under the caches and their files were damaged.
  for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(0);
});

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };
function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    const err = e as Error;
    if (err?.name !== "ConfigError" && err?.name !== "ConfigErrors") throw e;
    return { ok: false, error: `${err.name}: ${err.message}` };
  }
}

/** What planning would write for a job, standing in for the manifest: the code version and the whole job. */
function standIn(v: LoadedVariant, job: object, spec: unknown): Buffer {
  return Buffer.from(`${v.name}\n${v.exactJson({ job, spec })}\n`);
}

function statsOf(manifest: Buffer): StackStats {
  return { resources: manifest.length, protectedResources: 0, byType: { bytes: manifest.length }, millis: 0, cost: { total: manifest.length / 1000 }, findings: [] } as unknown as StackStats;
}

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
}

describe("cache layers, warm against cold", () => {
  it("every cache layer gives what a cold recomputation gives, after any sequence of edits", async () => {
    let caseNo = 0;
    await checkProperty("cache/layers", fc.asyncProperty(fc.gen(), async (g) => {
      const dir = join(scratch, String(caseNo++));
      const root = join(dir, "root");
      const out = join(dir, "out");
      const staging = join(dir, "staging");
      const planned = join(out, "plan");
      for (const d of [root, staging, planned]) mkdirSync(d, { recursive: true });
      const productsFile = join(out, ".cache", "products.v8");
      const state: EditState = { gen: buildMesh(g, OPTIONS), history: [], variant: 0 };
      const story: string[] = [];
      try {
        const steps = g(fc.integer, { min: 2, max: 4 });
        for (let step = 0; step < steps; step++) {
          if (step > 0) {
            const edit = applyEdit(g, state, loaded.length);
            story.push(`${edit.kind}: ${edit.what}`);
            if (edit.kind === "code") seen.switches++;
            if (edit.kind === "damage") {
              const victims = [productsFile, ...filesIn(join(out, ".cache", "plan")), ...filesIn(planned)].filter(existsSync);
              for (const file of victims.filter(() => g(fc.boolean))) {
                const { data, how } = damageBytes(g, readFileSync(file));
                writeFileSync(file, data);
                story.push(`  ${file.slice(dir.length)} ${how}`);
                seen.damaged++;
              }
            }
          }
          writeMeshRoot(root, meshFiles(state.gen));
          const v = loaded[state.variant]!;
          seen.steps++;

          const warm = attempt(() => {
            const cache = new v.ProductCache(productsFile, v.code);
            const get = cache.get.bind(cache);
            cache.get = (key) => {
              const hit = get(key);
              if (hit) seen.productHits++;
              return hit;
            };
            const prepared = v.prepare(root, staging, { productCache: cache, secretKey: SECRET });
            cache.save();
            return prepared;
          });
          const cold = attempt(() => v.prepare(root, staging, { secretKey: SECRET }));
          const at = `step ${step} (${v.name}) after:\n${story.join("\n")}`;
          if (!warm.ok || !cold.ok) {
            expect(warm.ok ? "prepared" : warm.error, at).toBe(cold.ok ? "prepared" : cold.error);
            seen.refused++;
            continue;
          }
          seen.prepared++;
          expect(warm.value.fingerprints, at).toEqual(cold.value.fingerprints);
          expect(JSON.stringify(warm.value.jobs), at).toBe(JSON.stringify(cold.value.jobs));
          expect(JSON.stringify(warm.value.stacks), at).toBe(JSON.stringify(cold.value.stacks));
          expect(isDeepStrictEqual(warm.value.mesh, cold.value.mesh), `${at}\nthe warm model differs from the cold one`).toBe(true);

          // The stack cache, with a stand-in for each manifest.
          const stacks = new v.PlanCache(join(out, ".cache", "plan"));
          cold.value.jobs.forEach((job, i) => {
            const key = cold.value.fingerprints[i]!;
            const expected = standIn(v, { ...job, manifestFile: "" }, v.spec(cold.value.mesh, job.domain, job.env));
            const target = join(planned, `${job.stack}.json`);
            const stats = stacks.restore(job.stack, key, target);
            if (stats) {
              seen.stackHits++;
              expect(readFileSync(target).equals(expected), `${at}\n${job.stack}: a stale or damaged entry was served`).toBe(true);
              expect(stats, at).toEqual(statsOf(expected));
            } else {
              seen.stackMisses++;
              const file = join(staging, `${job.stack}.json`);
              writeFileSync(file, expected);
              stacks.store(job.stack, key, file, statsOf(expected));
              writeFileSync(target, expected);
            }
          });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), runs(1000));
  });
});
