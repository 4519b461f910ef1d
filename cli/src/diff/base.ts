import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { CliError, EXIT } from "../errors";
import { REPO_ROOT } from "../paths";

/** A folder of base manifests (`<stack>.json` + `summary.json`) and how to clean up after reading it. */
export interface BaseManifests {
  dir: string;
  label: string;
  /** The base's mesh root, while it exists (until cleanup), for what its manifests do not hold. */
  root?: string;
  cleanup(): void;
}

/** How to plan a base: which of its stacks, with which cache, reporting progress where. */
export interface BasePlanOptions {
  /** Plan only these stacks of the base (a shard's); every stack when undefined. */
  only?: string[];
  /**
   * The base's own plan cache (kept apart from the head's: one entry per stack, and the base's code differs).
   * Entries are keyed by the base's code and inputs, computed by the base's CLI. Undefined: plan without a cache.
   */
  cacheDir?: string;
  /** Progress lines, as the head's. */
  log?: (line: string) => void;
}

/** A base that exists (checked without planning anything): what it is called, its stacks, and how to plan it. */
export interface BaseSource {
  label: string;
  /** The base's stack names, from its stack files or manifests, without planning. */
  stacks(): string[];
  plan(opts?: BasePlanOptions): Promise<BaseManifests>;
}

/** Plans a mesh root with this checkout's code into `out` (the plan command, passed in to avoid a cycle). */
export type PlanMeshRoot = (root: string, out: string, opts: { only?: string[]; cache: boolean; log?: (line: string) => void }) => Promise<void>;

const STACK_FILE = /^Pulumi\.([a-z0-9][a-z0-9-]*)\.ya?ml$/;

function isPlanOutput(dir: string): boolean {
  return existsSync(join(dir, "summary.json"));
}

function git(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`.trim() };
}

/**
 * The worktree gets its own node_modules: every installed package linked from this checkout, except the
 * workspace packages, which point at the worktree's own components and CLI — so the base is planned by the
 * base's blueprint and the base's CLI.
 */
function linkNodeModules(worktree: string): void {
  const target = join(worktree, "node_modules");
  mkdirSync(join(target, "@data-mesh"), { recursive: true });
  for (const entry of readdirSync(join(REPO_ROOT, "node_modules"))) {
    if (entry === "@data-mesh" || entry === ".bin") continue;
    symlinkSync(join(REPO_ROOT, "node_modules", entry), join(target, entry));
  }
  // The base's own workspaces (it may have more or fewer than this checkout), each under its package name.
  const workspaces = (JSON.parse(readFileSync(join(worktree, "package.json"), "utf8")) as { workspaces?: string[] }).workspaces ?? [];
  for (const dir of workspaces) {
    const manifest = join(worktree, dir, "package.json");
    if (!existsSync(manifest)) continue;
    const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name: string }).name;
    mkdirSync(dirname(join(target, name)), { recursive: true });
    symlinkSync(join(worktree, dir), join(target, name));
  }
}

/** The lines of a failed child's stderr that say what went wrong: not its stack frames or Node's version banner. */
function failureOf(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l.length > 1 && !l.startsWith("at ") && !/^Node\.js v/.test(l));
  return (lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? "no output").slice(0, 500);
}

/** A fresh output folder for a base plan whose `.cache` is the base's cache folder, when there is one. */
function baseOut(parent: string, cacheDir: string | undefined): string {
  const out = join(parent, "out");
  mkdirSync(out, { recursive: true });
  if (cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    symlinkSync(resolve(cacheDir), join(out, ".cache"), "dir");
  }
  return out;
}

/** Runs the base's CLI, passing its progress lines on as they come; resolves with its exit code and stderr. */
function runBaseCli(cli: string, args: string[], cwd: string, log?: (line: string) => void): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    // MESH_PROGRESS asks the base's CLI for the progress lines a terminal gets (a base older than it prints none).
    // MESH_SERVER=0: the base's checkout is temporary, and a plan server started from it would outlive it.
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...(log ? { MESH_PROGRESS: "1" } : {}), MESH_SERVER: "0" } });
    let stderr = "";
    let pending = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => {
      stderr = (stderr + d).slice(-20_000);
      pending += d;
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) if (line.trim()) log?.(`  ${line}`);
    });
    child.on("error", (e) => done({ status: null, stderr: String(e) }));
    child.on("close", (status) => done({ status, stderr }));
  });
}

/**
 * Where a git base is checked out. With a cache, the same path for the same output folder every time: the base's
 * cache key holds its stack config, and that holds the mesh root's absolute path, so a new path every run would
 * never hit. The folder exists only while the base is planned.
 */
function worktreeParent(cacheDir: string | undefined): string {
  if (!cacheDir) return mkdtempSync(join(tmpdir(), "mesh-base-"));
  const parent = join(tmpdir(), `mesh-base-${createHash("sha256").update(resolve(cacheDir)).digest("hex").slice(0, 16)}`);
  removeWorktree(parent);
  git(["worktree", "prune"]);
  mkdirSync(parent, { recursive: true });
  return parent;
}

function removeWorktree(parent: string): void {
  if (existsSync(join(parent, "tree"))) git(["worktree", "remove", "--force", join(parent, "tree")]);
  rmSync(parent, { recursive: true, force: true });
}

/** A git ref of this repository, planned in a temporary worktree with the ref's own code and config. */
function gitRefBase(ref: string, headRoot: string): BaseSource {
  const commit = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!commit.ok) throw new CliError(EXIT.config, `--base ${ref}: not a plan output folder, a mesh root or a git ref of ${REPO_ROOT}`);
  const rel = relative(REPO_ROOT, headRoot);
  if (rel.startsWith("..") || isAbsolute(rel)) throw new CliError(EXIT.config, `--base ${ref}: a git ref can only be compared for a mesh root inside ${REPO_ROOT}`);
  const label = `${ref} (${commit.out.slice(0, 12)})`;
  return {
    label,
    stacks: () => {
      const ls = git(["ls-tree", "--name-only", commit.out, "--", `${rel ? `${rel}/` : ""}stacks/`]);
      if (!ls.ok) return [];
      return ls.out.split("\n").map((f) => STACK_FILE.exec(f.slice(f.lastIndexOf("/") + 1))?.[1]).filter((s): s is string => Boolean(s)).sort();
    },
    plan: async (opts = {}) => {
      const parent = worktreeParent(opts.cacheDir);
      const worktree = join(parent, "tree");
      const cleanup = () => removeWorktree(parent);
      const add = git(["worktree", "add", "--detach", worktree, commit.out]);
      if (!add.ok) {
        cleanup();
        throw new CliError(EXIT.internal, `--base ${ref}: git worktree add failed: ${add.out}`);
      }
      try {
        const cli = join(worktree, "cli", "bin", "mesh.js");
        if (!existsSync(cli)) throw new CliError(EXIT.config, `--base ${ref}: that commit predates the mesh CLI, so it cannot be planned`);
        linkNodeModules(worktree);
        const out = baseOut(parent, opts.cacheDir);
        const args = ["plan", "--root", join(worktree, rel), "--out", out, "--format", "json", ...(opts.cacheDir ? [] : ["--no-cache"]), ...(opts.only ? ["--stack", ...opts.only] : [])];
        const run = await runBaseCli(cli, args, worktree, opts.log);
        // A base with blocking governance findings (exit 3) still wrote its manifests: compare against them.
        if (!isPlanOutput(join(out, "plan"))) {
          throw new CliError(run.status === EXIT.config ? EXIT.config : EXIT.internal, `--base ${ref}: planning the base failed: ${failureOf(run.stderr)}`);
        }
        return { dir: join(out, "plan"), label, root: join(worktree, rel), cleanup };
      } catch (e) {
        cleanup();
        throw e;
      }
    },
  };
}

function manifestStacks(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !["summary.json", "diff.json", "contracts.json", "lineage.json"].includes(f))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/**
 * What `--base` names: a folder of an earlier plan (its `plan/` or the folder itself), a mesh root (planned with
 * the current blueprint), or a git ref (planned in a worktree with its own blueprint). Checked at once, before
 * anything is planned or written: a base that does not exist is an error (exit 2) that costs nothing.
 */
export function openBase(base: string, headRoot: string, planMeshRoot: PlanMeshRoot): BaseSource {
  const dir = resolve(base);
  if (existsSync(dir)) {
    for (const planDir of [dir, join(dir, "plan")]) {
      if (isPlanOutput(planDir)) return { label: base, stacks: () => manifestStacks(planDir), plan: async () => ({ dir: planDir, label: base, cleanup: () => undefined }) };
    }
    if (existsSync(join(dir, "domains")) && existsSync(join(dir, "stacks"))) {
      return {
        label: base,
        stacks: () => readdirSync(join(dir, "stacks")).map((f) => STACK_FILE.exec(f)?.[1]).filter((s): s is string => Boolean(s)).sort(),
        plan: async (opts = {}) => {
          const parent = mkdtempSync(join(tmpdir(), "mesh-base-"));
          try {
            const out = baseOut(parent, opts.cacheDir);
            await planMeshRoot(dir, out, { only: opts.only, cache: opts.cacheDir !== undefined, log: opts.log && ((line) => opts.log!(`  ${line}`)) });
            return { dir: join(out, "plan"), label: base, root: dir, cleanup: () => rmSync(parent, { recursive: true, force: true }) };
          } catch (e) {
            rmSync(parent, { recursive: true, force: true });
            throw e;
          }
        },
      };
    }
  }
  return gitRefBase(base, headRoot);
}
