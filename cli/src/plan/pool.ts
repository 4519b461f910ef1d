import { fork } from "node:child_process";
import { join } from "node:path";
import type { StackJob, StackResult } from "./job";

const WORKER = join(__dirname, "worker.ts");
/** The mock runtime builds Error objects for every output; stack traces are pure cost there. */
const WORKER_ARGS = ["--require", require.resolve("tsx/cjs"), "--stack-trace-limit=0"];

function runInChild(job: StackJob): Promise<StackResult> {
  return new Promise((resolve) => {
    const child = fork(WORKER, [], { execArgv: WORKER_ARGS, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    let stderr = "";
    let result: StackResult | undefined;
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("message", (m: StackResult) => (result = m));
    child.on("exit", (code) => {
      resolve(result ?? { ok: false, stack: job.stack, kind: "internal", message: `plan worker exited with code ${code}: ${stderr.trim().slice(-2000)}` });
    });
    child.send(job);
  });
}

/** Plans stacks in child processes, `concurrency` at a time; results come back in job order. */
export async function runPool(jobs: StackJob[], concurrency: number, onDone?: (r: StackResult) => void): Promise<StackResult[]> {
  const results: StackResult[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await runInChild(jobs[i]!);
      onDone?.(results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
  return results;
}
