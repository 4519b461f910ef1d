import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { computeCodeFingerprint, fingerprintedFiles } from "../../cli/src/plan/fingerprint";
import { PersistentProductCache } from "../../cli/src/plan/product-cache";
import type { PlanSummary } from "../../cli/src/plan/summary";
import { mesh } from "../helpers/cli";
import { copyCode, editCode, meshOf } from "../helpers/code-copy";
import { copyMesh, REPO } from "../helpers/fixture";

// Issue 8, item 1: a warm out/.cache must give exactly what --no-cache gives. Each test reproduces one way the
// cache lied before (see test/property/cache.property.ts for the warm-vs-cold property over edit sequences).
// Each test runs the CLI several times: on a busy shared machine that takes minutes, hence the timeouts.
const SLOW = 300_000;

function manifests(out: string): Record<string, string> {
  const dir = join(out, "plan");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "summary.json");
  expect(files.length).toBeGreaterThan(0);
  return Object.fromEntries(files.sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

function cachedStacks(out: string): Record<string, boolean> {
  const summary = JSON.parse(readFileSync(join(out, "plan", "summary.json"), "utf8")) as PlanSummary;
  return Object.fromEntries(summary.stacks.map((s) => [s.stack, s.cached === true]));
}

function cacheEntry(out: string, stack: string): string {
  const files = readdirSync(join(out, ".cache", "plan")).filter((f) => f.startsWith(`${stack}.`) && /^[^.]+\.[0-9a-f]{24}\.json$/.test(f));
  expect(files).toHaveLength(1);
  return join(out, ".cache", "plan", files[0]!);
}

/** The CPU request of the sales-dev orders pipeline CronJob, as planned. */
function pipelineCpu(out: string): string | undefined {
  const cronJob = readFileSync(join(out, "plan", "sales-dev.json"), "utf8")
    .split("\n")
    .find((line) => line.includes('"type":"kubernetes:batch/v1:CronJob","name":"sales-orders-pipeline"'));
  expect(cronJob).toBeDefined();
  return cronJob!.match(/"requests":\{"cpu":"([^"]+)"/)?.[1];
}

describe("a warm plan cache never hides a change", () => {
  it("a changed default in components/src/config/product.ts reaches a warm plan, its diff and its exit code", () => {
    const code = copyCode();
    const root = copyMesh();
    const out = join(root, "out");
    expect(meshOf(code, ["plan", "--root", root, "--out", out]).status).toBe(0);
    // sales/orders declares no pipeline resources, so it runs with the schema's default.
    expect(pipelineCpu(out)).toBe("500m");
    const base = join(root, "base");
    cpSync(join(out, "plan"), base, { recursive: true });

    editCode(code, "components/src/config/product.ts", 'resourcesSchema.default({ cpu: "500m", memory: "1Gi" })', 'resourcesSchema.default({ cpu: "750m", memory: "1Gi" })');
    const warm = meshOf(code, ["plan", "--root", root, "--out", out, "--base", base, "--format", "json"]);
    const cold = meshOf(code, ["plan", "--root", root, "--out", join(root, "cold"), "--base", base, "--format", "json", "--no-cache"]);
    expect(warm.stderr).toBe(cold.stderr);
    expect(warm.status).toBe(cold.status);
    expect(pipelineCpu(out)).toBe("750m");
    expect(manifests(out)).toEqual(manifests(join(root, "cold")));
    expect(readFileSync(join(out, "plan", "diff.json"), "utf8")).toBe(readFileSync(join(root, "cold", "plan", "diff.json"), "utf8"));
    const diff = JSON.parse(readFileSync(join(out, "plan", "diff.json"), "utf8")) as { totals: { update: number } };
    expect(diff.totals.update).toBeGreaterThan(0);

    // What the warm plan stored is right too: the next warm plan serves it, and it still matches.
    expect(meshOf(code, ["plan", "--root", root, "--out", out]).status).toBe(0);
    expect(Object.values(cachedStacks(out)).every(Boolean)).toBe(true);
    expect(pipelineCpu(out)).toBe("750m");
  }, SLOW);

  it("an edit to a manifest in out/plan does not become the cached truth", () => {
    const root = copyMesh();
    const out = join(root, "out");
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    const planned = manifests(out);
    // Edited in place, as an editor or a script writing the same file would (the same inode).
    const file = join(out, "plan", "sales-dev.json");
    writeFileSync(file, readFileSync(file, "utf8").replaceAll('"protect":true', '"protect":false'));
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    expect(manifests(out)).toEqual(planned);
    expect(readFileSync(file, "utf8")).toMatch(/"protect":true/);
  }, SLOW);

  it("a truncated or edited cache entry is planned again, never served", () => {
    const root = copyMesh();
    const out = join(root, "out");
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    const planned = manifests(out);
    const truncated = cacheEntry(out, "sales-dev");
    writeFileSync(truncated, readFileSync(truncated).subarray(0, 1000));
    const edited = cacheEntry(out, "clinic-dev");
    writeFileSync(edited, readFileSync(edited, "utf8").replace('"protect":true', '"protect":false'));
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    expect(manifests(out)).toEqual(planned);
    expect(cachedStacks(out)).toEqual({ "analytics-dev": true, "clinic-dev": false, "platform-dev": true, "sales-dev": false, "sales-prod": true });
  }, SLOW);

  it("an edited validated-products cache is not served", () => {
    const root = copyMesh();
    const out = join(root, "out");
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    const planned = manifests(out);
    // Every cached product now says its pipeline asks for 900m instead of the default 500m.
    const file = join(out, ".cache", "products.v8");
    const bytes = readFileSync(file);
    let edits = 0;
    for (let at = bytes.indexOf("500m"); at >= 0; at = bytes.indexOf("500m", at + 1), edits++) bytes.write("900m", at);
    expect(edits).toBeGreaterThan(0);
    writeFileSync(file, bytes);
    expect(mesh(["plan", "--root", root, "--out", out, "--stack", "sales-dev"]).status).toBe(0);
    expect(manifests(out)["sales-dev.json"]).toBe(planned["sales-dev.json"]);
  }, SLOW);

  it("a new secret key (out/.cache/secret-key) is a miss for every stack", () => {
    const root = copyMesh();
    const out = join(root, "out");
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    writeFileSync(join(out, ".cache", "secret-key"), "another key");
    expect(mesh(["plan", "--root", root, "--out", out]).status).toBe(0);
    expect(Object.values(cachedStacks(out)).some(Boolean)).toBe(false);
  }, SLOW);
});

describe("the validated-products cache", () => {
  it("is keyed on the code and on every file of the product's folder", () => {
    const root = copyMesh();
    const file = join(mkdtempSync(join(tmpdir(), "products-")), "products.v8");
    /** Loads the mesh with the cache on disk and returns how many products had to be parsed. */
    const parsed = (codeKey: string): number => {
      const cache = new PersistentProductCache(file, codeKey);
      let misses = 0;
      const get = cache.get.bind(cache);
      cache.get = (key) => get(key) ?? (misses++, undefined);
      loadMesh(root, { productCache: cache });
      cache.save();
      return misses;
    };
    expect(parsed("code-1")).toBe(3);
    expect(parsed("code-1")).toBe(0);
    writeFileSync(join(root, "domains", "sales", "products", "orders", "NOTES.md"), "A file the parser does not read today.\n");
    expect(parsed("code-1")).toBe(1);
    expect(parsed("code-2")).toBe(3);
  });
});

describe("the code fingerprint", () => {
  it("covers every tracked file of the workspaces, the program, the loader's config and the lockfiles", () => {
    const files = fingerprintedFiles();
    // An independent list: what git tracks under the npm workspaces named in package.json.
    const workspaces = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { workspaces: string[] }).workspaces;
    const tracked = execFileSync("git", ["ls-files", ...workspaces], { cwd: REPO, encoding: "utf8" }).trim().split("\n");
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked.filter((f) => !files.includes(f))).toEqual([]);
    for (const f of ["index.ts", "Pulumi.yaml", "package.json", "package-lock.json", "tsconfig.json", "node_modules/.package-lock.json", "cli/src/commands/plan.ts", "cli/src/report/markdown.ts", "cli/bin/mesh.js"]) {
      expect(files).toContain(f);
    }
    // Inputs are keyed per stack, not as code.
    expect(files.filter((f) => f.startsWith("domains/") || f.startsWith("stacks/") || f === "mesh.yaml")).toEqual([]);
  });

  it("changes when a module is added anywhere in a workspace, or the TypeScript config changes", () => {
    const code = copyCode();
    const before = computeCodeFingerprint(code);
    // A folder no module of the blueprint uses, so the test keeps meaning "a new module" as the code grows.
    mkdirSync(join(code, "components", "src", "fingerprint-probe"));
    writeFileSync(join(code, "components", "src", "fingerprint-probe", "graph.ts"), "export const EDGES = [];\n");
    const withModule = computeCodeFingerprint(code);
    expect(withModule).not.toBe(before);
    editCode(code, "tsconfig.json", '"target": "ES2022"', '"target": "ES2023"');
    expect(computeCodeFingerprint(code)).not.toBe(withModule);
  });
});
