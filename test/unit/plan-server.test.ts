import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as client from "../../cli/bin/plan-server-client";
import { withClientContext } from "../../cli/src/server/client-context";
import { askSocket, type ServerMessage } from "../helpers/plan-server";
import { createPlanServer, type PlanServer, type PlanServerOptions } from "../../cli/src/server/server";

type Message = ServerMessage;

const ask = askSocket;

const runRequest = (extra: Message = {}) => ({ type: "run", argv: ["plan"], cwd: process.cwd(), env: { ...process.env }, tty: { stdout: false, stderr: false }, node: { version: process.version, execPath: process.execPath }, ...extra });

let close: (() => void) | undefined;
let lastServer: PlanServer | undefined;
afterEach(() => close?.());

function start(o: Partial<PlanServerOptions>): { socket: string; shutdowns: string[] } {
  const socket = join(mkdtempSync(join(tmpdir(), "plan-server-")), "s.sock");
  const shutdowns: string[] = [];
  const server = createPlanServer({ fingerprint: () => "code-1", idleMs: 60_000, shutdown: (r) => shutdowns.push(r), run: async () => 0, ...o });
  server.listen(socket);
  lastServer = server;
  close = () => server.close();
  return { socket, shutdowns };
}

describe("the plan server", () => {
  it("streams what the command writes, then its exit code, and counts what it served", async () => {
    const { socket } = start({ run: async (_r, send) => (send(1, "out\n"), send(2, "err\n"), 3) });
    await new Promise((r) => setTimeout(r, 50));
    expect(await ask(socket, runRequest())).toEqual([{ type: "started" }, { type: "write", fd: 1, data: "out\n" }, { type: "write", fd: 2, data: "err\n" }, { type: "exit", code: 3 }]);
    const [s] = await ask(socket, { type: "status" });
    expect(s).toMatchObject({ type: "status", pid: process.pid, served: 1, busy: false, code: "code-1" });
  });

  it("answers stale and stops, without running anything, once the code on disk changed", async () => {
    let code = "code-1";
    let ran = 0;
    const { socket, shutdowns } = start({ fingerprint: () => code, run: async () => (ran++, 0) });
    await new Promise((r) => setTimeout(r, 50));
    code = "code-2";
    expect(await ask(socket, runRequest())).toEqual([{ type: "stale", reason: "the code changed since the server started" }]);
    expect(ran).toBe(0);
    expect(shutdowns).toEqual(["stale: the code changed since the server started"]);
  });

  it("answers stale to a client on another Node.js", async () => {
    const { socket, shutdowns } = start({});
    await new Promise((r) => setTimeout(r, 50));
    const answer = await ask(socket, runRequest({ node: { version: "v99.0.0", execPath: "/opt/node99/bin/node" } }));
    expect(answer).toEqual([{ type: "stale", reason: "the client runs /opt/node99/bin/node v99.0.0" }]);
    expect(shutdowns).toHaveLength(1);
  });

  it("answers stale to a client whose process-wide settings differ (NODE_OPTIONS, locale, time zone)", async () => {
    const { socket, shutdowns } = start({});
    await new Promise((r) => setTimeout(r, 50));
    const answer = await ask(socket, runRequest({ env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=100", TZ: "Asia/Tokyo" } }));
    expect(answer).toEqual([{ type: "stale", reason: "the client's NODE_OPTIONS, TZ differ from the server's" }]);
    expect(shutdowns).toHaveLength(1);
  });

  it("stops when its client leaves before the command ends (Ctrl-C)", async () => {
    let release!: () => void;
    const { socket, shutdowns } = start({ run: () => new Promise((r) => (release = () => r(0))) });
    await new Promise((r) => setTimeout(r, 50));
    const c = connect(socket);
    c.write(`${JSON.stringify(runRequest())}\n`);
    await new Promise((r) => setTimeout(r, 100));
    c.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(shutdowns).toEqual(["the client left before its plan ended"]);
    release();
  });

  it("stops after its idle time, counted from the last request", async () => {
    const { socket, shutdowns } = start({ idleMs: 300 });
    await new Promise((r) => setTimeout(r, 200));
    await ask(socket, runRequest());
    await new Promise((r) => setTimeout(r, 200));
    expect(shutdowns).toEqual([]);
    await new Promise((r) => setTimeout(r, 250));
    expect(shutdowns).toEqual(["idle"]);
  });
});

describe("a command run in its client's context", () => {
  it("sees the client's environment, folder and terminal, and leaves the server's as they were, even when it fails", async () => {
    const before = { env: { ...process.env }, cwd: process.cwd(), isTTY: process.stdout.isTTY };
    const folder = mkdtempSync(join(tmpdir(), "client-"));
    const sent: [number, string][] = [];
    const seen: Record<string, unknown> = {};
    await expect(
      withClientContext({ cwd: folder, env: { ONLY_THE_CLIENTS: "yes", PATH: "/usr/bin" }, tty: { stdout: true, stderr: false } }, (fd, d) => sent.push([fd, d]), async () => {
        Object.assign(seen, { env: { ...process.env }, cwd: process.cwd(), stdoutTTY: process.stdout.isTTY, stderrTTY: process.stderr.isTTY });
        process.stdout.write("to stdout\n");
        process.stderr.write(Buffer.from("to stderr\n"));
        process.env.SET_BY_COMMAND = "1";
        throw new Error("the command failed");
      }),
    ).rejects.toThrow("the command failed");
    expect(seen).toEqual({ env: { ONLY_THE_CLIENTS: "yes", PATH: "/usr/bin" }, cwd: folder, stdoutTTY: true, stderrTTY: undefined });
    expect(sent).toEqual([[1, "to stdout\n"], [2, "to stderr\n"]]);
    expect({ env: { ...process.env }, cwd: process.cwd(), isTTY: process.stdout.isTTY }).toEqual(before);
  });

  it("creates files with the client's file mode mask", async () => {
    const folder = mkdtempSync(join(tmpdir(), "client-"));
    const serverMask = process.umask();
    await withClientContext({ cwd: folder, env: { ...process.env } as Record<string, string>, tty: { stdout: false, stderr: false }, umask: 0o077 }, () => undefined, async () => writeFileSync(join(folder, "f"), "x"));
    expect(statSync(join(folder, "f")).mode & 0o777).toBe(0o600);
    expect(process.umask()).toBe(serverMask);
  });
});

describe("the plan server after a failure", () => {
  it("reports a command that threw as an internal error (exit 1) and goes on serving the next client", async () => {
    let calls = 0;
    const { socket } = start({ run: async () => (calls++ === 0 ? Promise.reject(new Error("boom")) : 0) });
    await new Promise((r) => setTimeout(r, 50));
    const first = await ask(socket, runRequest());
    expect(first.at(-1)).toEqual({ type: "exit", code: 1 });
    expect(first[0]).toEqual({ type: "started" });
    expect(String(first[1]!.data)).toMatch(/^internal error: Error: boom/);
    expect(await ask(socket, runRequest())).toEqual([{ type: "started" }, { type: "exit", code: 0 }]);
  });

  it("tells only the first client it serves that a server was started", async () => {
    const { socket } = start({ notice: "Started a plan server\n" });
    await new Promise((r) => setTimeout(r, 50));
    expect(await ask(socket, runRequest())).toEqual([{ type: "started" }, { type: "write", fd: 2, data: "Started a plan server\n" }, { type: "exit", code: 0 }]);
    expect(await ask(socket, runRequest())).toEqual([{ type: "started" }, { type: "exit", code: 0 }]);
  });

  it("asked to stop while a plan runs: that plan ends and gets its exit code, a waiting client is sent away unserved", async () => {
    let release!: () => void;
    const { socket, shutdowns } = start({ run: () => new Promise((r) => (release = () => r(0))) });
    await new Promise((r) => setTimeout(r, 50));
    const running = ask(socket, runRequest());
    await new Promise((r) => setTimeout(r, 50));
    const waiting = ask(socket, runRequest());
    await new Promise((r) => setTimeout(r, 50));
    expect(await ask(socket, { type: "stop" })).toEqual([{ type: "stopping", pid: process.pid, afterCurrentPlan: true }]);
    expect(shutdowns).toEqual([]);
    release();
    expect(await running).toEqual([{ type: "started" }, { type: "exit", code: 0 }]);
    // Never started: its client retries on a fresh server (cli/bin/plan-server-client.js).
    expect(await waiting).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(shutdowns).toEqual(["asked to stop"]);
  });

  it("tells the client whose plan runs that the server is being stopped (a signal)", async () => {
    let release!: () => void;
    const socketAndServer = start({ run: () => new Promise((r) => (release = () => r(0))) });
    await new Promise((r) => setTimeout(r, 50));
    const running = ask(socketAndServer.socket, runRequest());
    await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((done) => lastServer!.announceStop("SIGTERM", done));
    expect(await running).toEqual([{ type: "started" }, { type: "stopped", reason: "SIGTERM" }]);
    release();
  });
});

describe("where a client finds its server", () => {

  it("never uses a socket path the system would cut short (it would leave the private folder and be shared)", () => {
    const long = mkdtempSync(join(tmpdir(), `${"d".repeat(90)}-`));
    const socket = client.socketPath({ XDG_RUNTIME_DIR: long })!;
    expect(socket).toBeDefined();
    expect(Buffer.byteLength(socket)).toBeLessThanOrEqual(100);
    expect(socket.startsWith(long)).toBe(false);
    expect(statSync(join(socket, "..")).mode & 0o777).toBe(0o700);
  });

  it("clamps an idle time Node's timers cannot hold (they would fire at once) to the longest they can", () => {
    expect(client.idleSeconds({ MESH_SERVER_IDLE_SECONDS: "10000000" })).toBe(2_147_483);
    expect(client.idleSeconds({ MESH_SERVER_IDLE_SECONDS: "nonsense" })).toBe(900);
    expect(client.idleSeconds({ MESH_SERVER_IDLE_SECONDS: "2" })).toBe(2);
  });
});
