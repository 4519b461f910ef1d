// Process entry of a resident plan server (started in the background by cli/bin/plan-server-client.js):
// `node --require tsx/cjs cli/src/server/main.ts <socket>`. See server.ts and docs/performance.md.
import { statSync, unlinkSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { main } from "../main";
import { computeCodeFingerprint } from "../plan/fingerprint";
import { WorkerPool } from "../plan/pool";
import { restartTimings } from "../plan/timing";
import { REPO_ROOT } from "../paths";
import { withClientContext } from "./client-context";
import { createPlanServer } from "./server";
// The idle time is read the same way the client's notice and `mesh server status` say it.
import * as client from "../../bin/plan-server-client";

const socket = process.argv[2]!;
// The server's own lines go to its log (fd 2 at start), never to a client's stderr while a plan runs.
const log = (line: string) => writeSync(2, `${new Date().toISOString()} [${process.pid}] ${line}\n`);
const size = Math.max(1, availableParallelism());
// All workers start now and stay: loading the SDK and providers is what a warm plan saves.
let pool = new WorkerPool(size, size);

let stopping = false;

function shutdown(reason: string): void {
  if (stopping) return;
  stopping = true;
  log(`stopping: ${reason}`);
  // The client whose plan runs hears why before the process ends.
  server.announceStop(reason, () => exit());
}

/** The socket file this server listens on (a successor may own the same name once this one stops listening). */
let listening: number | undefined;

function exit(): void {
  pool.stop();
  try {
    if (listening !== undefined && statSync(socket).ino === listening) unlinkSync(socket);
  } catch {
    // Gone already (closing the listener removes it).
  }
  process.exit(0);
}

const server = createPlanServer({
  fingerprint: () => computeCodeFingerprint(REPO_ROOT),
  idleMs: client.idleSeconds(process.env) * 1000,
  shutdown,
  notice: `Started a plan server that keeps \`mesh plan\` warm for this checkout (it stops after ${client.idleTime(process.env)}, or with \`mesh server stop\`; MESH_SERVER=0 plans without it).\n`,
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
async function answered(): Promise<boolean> {
  const connection = await client.tryConnect(socket);
  connection?.destroy();
  return connection !== undefined;
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
server.listen(socket, () => {
  listening = statSync(socket).ino;
  log(`serving ${REPO_ROOT} on ${socket}`);
});
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => shutdown(signal));
// Detached from the client that started it: its home is the checkout, whatever folder that client was in.
process.chdir(REPO_ROOT);
