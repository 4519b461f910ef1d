// Process entry of a resident plan server (started in the background by cli/bin/plan-server-client.js):
// `node --require tsx/cjs cli/src/server/main.ts <socket>`. See server.ts and docs/performance.md.
import { existsSync, unlinkSync } from "node:fs";
import { connect } from "node:net";
import { availableParallelism } from "node:os";
import { main } from "../main";
import { computeCodeFingerprint } from "../plan/fingerprint";
import { WorkerPool } from "../plan/pool";
import { restartTimings } from "../plan/timing";
import { REPO_ROOT } from "../paths";
import { withClientContext } from "./client-context";
import { createPlanServer } from "./server";

const socket = process.argv[2]!;
const IDLE_SECONDS = Number(process.env.MESH_SERVER_IDLE_SECONDS ?? 900);
const log = (line: string) => process.stderr.write(`${new Date().toISOString()} [${process.pid}] ${line}\n`);
const size = Math.max(1, availableParallelism());
// All workers start now and stay: loading the SDK and providers is what a warm plan saves.
let pool = new WorkerPool(size, size);

function shutdown(reason: string): void {
  log(`stopping: ${reason}`);
  pool.stop();
  try {
    if (existsSync(socket)) unlinkSync(socket);
  } catch {
    // Another server may own the name by now; nothing to clean.
  }
  process.exit(0);
}

const server = createPlanServer({
  fingerprint: () => computeCodeFingerprint(REPO_ROOT),
  idleMs: (Number.isFinite(IDLE_SECONDS) && IDLE_SECONDS > 0 ? IDLE_SECONDS : 900) * 1000,
  shutdown,
  run: async (request, send) => {
    // A worker that died (killed, out of memory) is not reused: the next plan gets a fresh pool.
    if (!pool.alive()) {
      pool.stop();
      pool = new WorkerPool(size, size);
    }
    restartTimings();
    return withClientContext(request, send, () => main(request.argv, { pool }));
  },
});

/** Whether a live server already answers on the socket (then this one is not needed). */
function answered(): Promise<boolean> {
  return new Promise((done) => {
    const c = connect(socket);
    c.once("connect", () => (c.destroy(), done(true)));
    c.once("error", () => done(false));
  });
}

server.on("error", async (e: NodeJS.ErrnoException) => {
  if (e.code !== "EADDRINUSE") return shutdown(`cannot listen on ${socket}: ${e.message}`);
  // Two clients may start a server at once: the first to listen serves, the other leaves. A socket file
  // nobody answers on is what a server that was killed left behind.
  if (await answered()) {
    pool.stop();
    process.exit(0);
  }
  unlinkSync(socket);
  server.listen(socket);
});
server.listen(socket, () => log(`serving ${REPO_ROOT} on ${socket}`));
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => shutdown(signal));
