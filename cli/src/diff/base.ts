import { spawnSync } from "node:child_process";
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

/** Plans a git ref of this repository in a temporary worktree, with the ref's own code and config. */
function planGitRef(ref: string, headRoot: string): BaseManifests {
  const commit = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!commit.ok) throw new CliError(EXIT.config, `--base ${ref}: not a plan output folder, a mesh root or a git ref of ${REPO_ROOT}`);
  const rel = relative(REPO_ROOT, headRoot);
  if (rel.startsWith("..") || isAbsolute(rel)) throw new CliError(EXIT.config, `--base ${ref}: a git ref can only be compared for a mesh root inside ${REPO_ROOT}`);
  const tmp = mkdtempSync(join(tmpdir(), "mesh-base-"));
  const worktree = join(tmp, "tree");
  const cleanup = () => {
    git(["worktree", "remove", "--force", worktree]);
    rmSync(tmp, { recursive: true, force: true });
  };
  const add = git(["worktree", "add", "--detach", worktree, commit.out]);
  if (!add.ok) {
    cleanup();
    throw new CliError(EXIT.internal, `--base ${ref}: git worktree add failed: ${add.out}`);
  }
  try {
    const cli = join(worktree, "cli", "bin", "mesh.js");
    if (!existsSync(cli)) throw new CliError(EXIT.config, `--base ${ref}: that commit predates the mesh CLI, so it cannot be planned`);
    linkNodeModules(worktree);
    const out = join(tmp, "out");
    const run = spawnSync(process.execPath, [cli, "plan", "--root", join(worktree, rel), "--out", out, "--format", "json"], { encoding: "utf8", cwd: worktree });
    // A base with blocking governance findings (exit 3) still wrote its manifests: compare against them.
    if (!isPlanOutput(join(out, "plan"))) {
      throw new CliError(run.status === EXIT.config ? EXIT.config : EXIT.internal, `--base ${ref}: planning the base failed: ${failureOf(run.stderr)}`);
    }
    return { dir: join(out, "plan"), label: `${ref} (${commit.out.slice(0, 12)})`, root: join(worktree, rel), cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/**
 * What `--base` names: a folder of an earlier plan (its `plan/` or the folder itself), a mesh root (planned now
 * with the current blueprint), or a git ref (planned in a worktree with its own blueprint).
 */
export async function resolveBase(base: string, headRoot: string, planMeshRoot: (root: string, out: string) => Promise<void>): Promise<BaseManifests> {
  const dir = resolve(base);
  if (existsSync(dir)) {
    if (isPlanOutput(dir)) return { dir, label: base, cleanup: () => undefined };
    if (isPlanOutput(join(dir, "plan"))) return { dir: join(dir, "plan"), label: base, cleanup: () => undefined };
    if (existsSync(join(dir, "domains")) && existsSync(join(dir, "stacks"))) {
      const out = mkdtempSync(join(tmpdir(), "mesh-base-"));
      await planMeshRoot(dir, out);
      return { dir: join(out, "plan"), label: base, root: dir, cleanup: () => rmSync(out, { recursive: true, force: true }) };
    }
  }
  return planGitRef(base, headRoot);
}
