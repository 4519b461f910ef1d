import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import type { StackJob, StackResult } from "./job";

const WORKER = join(__dirname, "worker.ts");
const BIN = join(__dirname, "..", "..", "bin");
/**
 * The mock runtime builds Error objects for every output, so stack traces are pure cost. Heap (docs/performance.md):
 * a worker keeps a stack's whole graph of Outputs alive until the stack settles, so most young objects survive a
 * scavenge; a 64 MB semi-space (V8 rounds the size up to a power of two: 33–64 all mean 64) halves the scavenges
 * (~10 % less CPU on a 1,000-product plan than 32), and since V8 adds the young generation's size to the old
 * generation's limit, a 10 % heap growth keeps the old generation close to the live heap: peak memory stays within
 * the budget, with no hard limit that a large stack could run into.
 * fast-cjs.js, lazy-typescript.js and lazy-sdk.js shorten start-up (see each file).
 */
export const WORKER_ARGS = [
  "--require", require.resolve("tsx/cjs"),
  "--require", join(BIN, "fast-cjs.js"),
  "--require", join(BIN, "lazy-typescript.js"),
  "--require", join(BIN, "lazy-sdk.js"),
  "--stack-trace-limit=0",
  "--max-semi-space-size=64",
  "--heap-growing-percent=10",
];
/** MESH_WORKER_PROF=<dir>: each worker writes a V8 CPU profile there (docs/performance.md, how to profile). */
const PROFILE_ARGS = process.env.MESH_WORKER_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.MESH_WORKER_PROF}`] : [];

/** A long-lived plan worker: loading the SDK and providers costs about a second, so each worker plans many stacks. */
class Worker {
  private readonly child: ChildProcess;
  private stderr = "";
  private pending?: { job: StackJob; resolve: (r: StackResult) => void };

  constructor() {
    this.child = fork(WORKER, [], { execArgv: [...WORKER_ARGS, ...PROFILE_ARGS], stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.child.stderr?.on("data", (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.child.on("message", (m: StackResult) => {
      const p = this.pending;
      this.pending = undefined;
      p?.resolve(m);
    });
    // A dead worker is reported through "exit"; a failed send must not crash the parent.
    this.child.on("error", () => undefined);
    this.child.on("exit", (code) => {
      const p = this.pending;
      this.pending = undefined;
      p?.resolve({ ok: false, stack: p.job.stack, kind: "internal", message: `plan worker exited with code ${code}: ${this.stderr.trim()}` });
    });
  }

  run(job: StackJob): Promise<StackResult> {
    return new Promise((resolve) => {
      this.pending = { job, resolve };
      this.child.send(job);
    });
  }

  alive(): boolean {
    return this.child.connected && this.child.exitCode === null && this.child.signalCode === null;
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
    // An idle worker has nothing to finish: end it now, or a config error would wait for it to load the SDK.
    // (A profiling worker exits by itself on disconnect, so that V8 writes its profile.)
    if (!this.pending && this.child.exitCode === null && PROFILE_ARGS.length === 0) this.child.kill();
  }
}

/**
 * Worker processes that start loading the SDK and providers as soon as they are created, so they warm up
 * while the caller validates the mesh; `run` then plans stacks on them, results in job order.
 */
export class WorkerPool {
  private readonly workers: Worker[];

  /**
   * Starts `eager` workers at once (all of them for a cold plan, where every stack will be planned); the others
   * only when a run has work for them.
   */
  constructor(readonly size: number, eager = 1) {
    this.workers = Array.from({ length: Math.max(1, Math.min(size, eager)) }, () => new Worker());
  }

  async run(jobs: StackJob[], onDone?: (r: StackResult) => void): Promise<StackResult[]> {
    while (this.workers.length < Math.min(Math.max(1, this.size), jobs.length)) this.workers.push(new Worker());
    const results: StackResult[] = new Array(jobs.length);
    let next = 0;
    const lane = async (worker: Worker) => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await worker.run(jobs[i]!);
        onDone?.(results[i]!);
      }
    };
    await Promise.all(this.workers.slice(0, Math.max(1, jobs.length)).map(lane));
    return results;
  }

  /** Whether every worker started is still there to plan (a long-lived pool replaces itself when not). */
  alive(): boolean {
    return this.workers.every((w) => w.alive());
  }

  stop(): void {
    for (const w of this.workers) w.stop();
  }
}
