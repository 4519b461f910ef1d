import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { LoadRequest, Verdict } from "./load-worker";
import { scratchDir } from "./mesh-files";
import type { MeshFiles } from "./mesh-model";

export type { Verdict } from "./load-worker";

/**
 * Loads generated mesh roots in a worker thread with a time budget per case. loadMesh is synchronous, so a case
 * that hangs (a runaway regex, a loop) could not be interrupted in this thread; the worker is terminated instead,
 * the case reported as a timeout, and a fresh worker takes the next case.
 */
export class IsolatedLoader {
  private worker: Worker | undefined;
  private seq = 0;
  private readonly root = mkdtempSync(join(scratchDir(), "mesh-fuzz-"));
  /** Slowest case so far, in milliseconds. */
  slowest = 0;

  constructor(private readonly budgetMs: number) {}

  private async spawn(): Promise<Worker> {
    const bootstrap = `require(${JSON.stringify(createRequire(__filename).resolve("tsx/cjs/api"))}).register(); require(${JSON.stringify(join(__dirname, "load-worker.ts"))});`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { root: this.root }, stderr: false });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
    });
    this.worker = worker;
    return worker;
  }

  private send(files: MeshFiles): Promise<Verdict> {
    const worker = this.worker!;
    const id = ++this.seq;
    return new Promise((resolve) => {
      const done = (verdict: Verdict) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        resolve(verdict);
      };
      const onMessage = (m: { id: number; verdict: Verdict }) => {
        if (m.id === id) done(m.verdict);
      };
      const onError = (e: Error) => {
        this.worker = undefined;
        done({ kind: "crash", name: `worker ${e.name}`, message: e.message, stack: String(e.stack), ms: 0 });
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        done({ kind: "timeout", ms: this.budgetMs });
      }, this.budgetMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, files } satisfies LoadRequest);
    });
  }

  /** Writes `files` as a mesh root, loads it and resolves every stack; never throws. */
  async load(files: MeshFiles): Promise<Verdict> {
    if (!this.worker) await this.spawn();
    const verdict = await this.send(files);
    if (verdict.kind !== "timeout") this.slowest = Math.max(this.slowest, verdict.ms);
    return verdict;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
    rmSync(this.root, { recursive: true, force: true });
  }
}
