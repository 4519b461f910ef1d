import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { type CliRun, mesh } from "./cli";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the suite's shared plans live (test/helpers/shared-plans-setup.ts); absent when a config has no such setup. */
    sharedPlansDir?: string;
  }
}

export interface SharedPlan extends CliRun {
  /** The --out folder of the plan. Read only: other test files read the same folder. */
  out: string;
}

const SLEEP = new Int32Array(new SharedArrayBuffer(4));
const WAIT_LIMIT_MS = 15 * 60_000;
let ownDir: string | undefined;

function plansDir(): string {
  let shared: string | undefined;
  try {
    shared = inject("sharedPlansDir");
  } catch {
    shared = undefined;
  }
  // Without the suite's setup (a config that does not name it), plans are shared within this file only.
  return shared ?? (ownDir ??= mkdtempSync(join(tmpdir(), "shared-plans-")));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `mesh plan <args> --out <folder>` run once per test run for the same arguments, by whichever test file asks
 * first; every other file gets the same exit code, output and folder. For plans of meshes no test edits (the
 * example meshes, test/fixtures/mini): a test that edits the mesh or plans again into --out needs its own plan.
 * Test files run in separate processes, so the first one takes a lock (an atomic mkdir) and the others wait.
 */
export function sharedPlan(args: string[]): SharedPlan {
  const dir = plansDir();
  const key = createHash("sha256").update(JSON.stringify(args)).digest("hex").slice(0, 16);
  const out = join(dir, key, "out");
  const resultFile = join(dir, key, "result.json");
  const lock = join(dir, `${key}.lock`);
  const started = Date.now();
  for (;;) {
    if (existsSync(resultFile)) return { ...(JSON.parse(readFileSync(resultFile, "utf8")) as CliRun), out };
    try {
      mkdirSync(lock);
    } catch {
      // Another file is planning: wait for its result, or take over when it died without one.
      const owner = Number(existsSync(join(lock, "pid")) ? readFileSync(join(lock, "pid"), "utf8") : NaN);
      if (Number.isInteger(owner) && !alive(owner) && !existsSync(resultFile)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`waited ${WAIT_LIMIT_MS / 60_000} min for the shared plan mesh plan ${args.join(" ")}`);
      Atomics.wait(SLEEP, 0, 0, 200);
      continue;
    }
    writeFileSync(join(lock, "pid"), String(process.pid));
    rmSync(join(dir, key), { recursive: true, force: true });
    mkdirSync(join(dir, key));
    const run = mesh(["plan", ...args, "--out", out]);
    writeFileSync(`${resultFile}.tmp`, JSON.stringify(run));
    renameSync(`${resultFile}.tmp`, resultFile);
    return { ...run, out };
  }
}
