import { createServer, type Server, type Socket } from "node:net";
import type { ClientContext } from "./client-context";

/** What a client may ask (one JSON line per connection; see cli/bin/plan-server-client.js). */
export type ServerRequest =
  | ({ type: "run"; argv: string[]; node: { version: string; execPath: string } } & ClientContext)
  | { type: "status" }
  | { type: "stop" };

export interface PlanServerOptions {
  /** The code fingerprint on disk now (components/, cli/, the lockfiles, Node.js): checked before every run. */
  fingerprint: () => string;
  /** Runs one command in the client's context and resolves its exit code. */
  run: (request: Extract<ServerRequest, { type: "run" }>, send: (fd: 1 | 2, data: string) => void) => Promise<number>;
  /** Stop after this long without a request. */
  idleMs: number;
  /** Called once when the server must end: idle, asked to, stale code, or a client that left mid-plan. */
  shutdown: (reason: string) => void;
  /** Written to the stderr of the first client this server serves (it started the server). */
  notice?: string;
}

/** A plan server; `announceStop` tells the client whose plan is running that the server is being stopped. */
export interface PlanServer extends Server {
  announceStop(reason: string, then: () => void): void;
}

/**
 * Environment variables that act on a whole process when it starts, not on one command: Node's options, the locale
 * and time zone ICU reads at start-up (sorting, dates), the Pulumi SDK's settings, the plan workers' own, and the
 * server's idle time. The
 * server and its workers keep the values of the client that started them, so a client with other values needs a
 * fresh server.
 */
const PROCESS_WIDE = /^(NODE_|PULUMI_|MESH_WORKER_|MESH_SERVER_IDLE_SECONDS$|LANG$|LANGUAGE$|LC_|TZ$|ICU_)/;

function processWideValues(env: NodeJS.ProcessEnv | Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([k, v]) => PROCESS_WIDE.test(k) && v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) as Record<string, string>;
}

function processWide(env: NodeJS.ProcessEnv | Record<string, string>): string {
  return JSON.stringify(processWideValues(env));
}

function changedProcessWide(env: Record<string, string>, started: Record<string, string>): string[] {
  const now = processWideValues(env);
  return [...new Set([...Object.keys(now), ...Object.keys(started)])].filter((k) => now[k] !== started[k]).sort();
}

function reply(socket: Socket, message: Record<string, unknown>): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
}

/** Reads the one request line of a connection. */
function firstLine(socket: Socket): Promise<ServerRequest | undefined> {
  return new Promise((done) => {
    let buffered = "";
    socket.setEncoding("utf8");
    const onData = (chunk: string) => {
      buffered += chunk;
      const nl = buffered.indexOf("\n");
      if (nl < 0) return;
      socket.off("data", onData);
      try {
        done(JSON.parse(buffered.slice(0, nl)) as ServerRequest);
      } catch {
        done(undefined);
      }
    };
    socket.on("data", onData);
    socket.once("close", () => done(undefined));
  });
}

/**
 * The resident plan server: keeps the CLI and its plan workers loaded between `mesh plan` runs of one checkout.
 * It holds no result of its own between runs (the plan and product caches are the same files as without it), so
 * what it prints and writes is exactly what a fresh process would. Before each run it compares the code on disk,
 * the client's Node.js and its process-wide settings with its own and, when any differs, answers "stale" and
 * stops: it never runs a plan with code, or in a process, other than the one the client would have started.
 */
export function createPlanServer(o: PlanServerOptions): PlanServer {
  const startedFingerprint = o.fingerprint();
  const startedEnvValues = processWideValues(process.env);
  const startedEnv = processWide(process.env);
  const startedAt = Date.now();
  let served = 0;
  let queue = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let active = 0;
  let running: Socket | undefined;
  /** Set by `mesh server stop` while a plan runs: that plan ends first, nobody waiting starts. */
  let stopAfterRun = false;
  const armIdle = () => {
    clearTimeout(idle);
    if (active === 0) idle = setTimeout(() => o.shutdown("idle"), o.idleMs).unref();
  };

  const server = createServer(async (socket) => {
    socket.on("error", () => undefined);
    const request = await firstLine(socket);
    if (!request) return socket.destroy();
    if (request.type === "status") {
      reply(socket, { type: "status", pid: process.pid, startedAt: new Date(startedAt).toISOString(), served, busy: active > 0, idleSeconds: o.idleMs / 1000, code: startedFingerprint.slice(0, 12), node: process.version });
      return socket.end();
    }
    if (request.type === "stop") {
      server.close();
      if (running) {
        stopAfterRun = true;
        reply(socket, { type: "stopping", pid: process.pid, afterCurrentPlan: true });
        return socket.end();
      }
      reply(socket, { type: "stopping", pid: process.pid });
      return socket.end(() => o.shutdown("asked to stop"));
    }
    if (request.type !== "run") return socket.destroy();
    active++;
    clearTimeout(idle);
    queue = queue.then(async () => {
      try {
        // A client still waiting when the server is asked to stop leaves unserved; it starts a fresh server.
        if (socket.destroyed || stopAfterRun) return void socket.destroy();
        const reason =
          request.node.version !== process.version || request.node.execPath !== process.execPath
            ? `the client runs ${request.node.execPath} ${request.node.version}`
            : o.fingerprint() !== startedFingerprint
              ? "the code changed since the server started"
              : processWide(request.env) !== startedEnv
                ? `the client's ${changedProcessWide(request.env, startedEnvValues).join(", ")} differ from the server's`
                : undefined;
        if (reason) {
          reply(socket, { type: "stale", reason });
          // No new client may reach this server from now on: the one told "stale" starts a fresh one.
          server.close();
          socket.end(() => o.shutdown(`stale: ${reason}`));
          return;
        }
        // A client that goes away mid-plan (Ctrl-C) must stop the plan, as it would stop its own process.
        const abandoned = () => o.shutdown("the client left before its plan ended");
        socket.once("close", abandoned);
        running = socket;
        reply(socket, { type: "started" });
        if (served === 0 && o.notice) reply(socket, { type: "write", fd: 2, data: o.notice });
        const send = (fd: 1 | 2, data: string) => reply(socket, { type: "write", fd, data });
        // main() turns every error of a command into an exit code; what escapes it is the server's own bug, and
        // must not stop the queue for the clients after this one.
        const code = await o.run(request, send).catch((e: unknown) => (send(2, `internal error: ${(e as Error)?.stack ?? String(e)}\n`), 1));
        socket.off("close", abandoned);
        running = undefined;
        served++;
        reply(socket, { type: "exit", code });
        socket.end(() => {
          if (stopAfterRun) o.shutdown("asked to stop");
        });
      } finally {
        active--;
        armIdle();
      }
    });
  });
  armIdle();
  return Object.assign(server, {
    announceStop(reason: string, then: () => void) {
      if (!running || running.destroyed) return then();
      running.end(`${JSON.stringify({ type: "stopped", reason })}\n`, then);
    },
  });
}
