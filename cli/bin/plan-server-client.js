// The client half of the resident plan server (docs/performance.md, "Warm plans"). Plain CommonJS with Node's own
// modules only: `mesh plan` through a warm server must not pay for loading tsx, commander and the CLI (~0.35 s).
//
// A plan server belongs to one checkout of the CLI and one user: its socket lives in a folder only that user can
// enter, named after the real path of the checkout. The server answers one request at a time, with the client's
// argv, working folder, environment and terminal flags, and streams stdout and stderr back.
"use strict";
const { spawn } = require("node:child_process");
const { createHash } = require("node:crypto");
const { closeSync, lstatSync, mkdirSync, openSync, realpathSync } = require("node:fs");
const { connect } = require("node:net");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");

const REPO_ROOT = realpathSync(resolve(__dirname, "..", ".."));
/** How long a client waits for a server it started to listen (loading the CLI takes ~0.5 s; allow a loaded machine). */
const START_TIMEOUT_MS = 30_000;

/** Longest socket path every platform accepts (sockaddr_un holds 104 bytes on macOS, 108 on Linux, with a NUL). */
const MAX_SOCKET_PATH = 100;
/** The longest idle time Node's timers accept (2^31 − 1 ms, about 24.8 days). */
const MAX_IDLE_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** A private folder for plan servers under `base`, or undefined when it is missing and cannot be made safe. */
function privateDir(base) {
  const dir = join(base, `mesh-${process.getuid ? process.getuid() : "user"}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    // Someone else's folder, a link, or one others can enter would let them talk to (or impersonate) the server.
    if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * The socket of this checkout's plan server (one per checkout: another checkout runs other code), in the user's
 * runtime folder, else the temp folder, else /tmp: the first whose socket path is short enough to be used whole
 * (a longer one would be cut short by the system, outside the private folder and shared between checkouts).
 */
function socketPath(env = process.env) {
  const name = `plan-${createHash("sha256").update(REPO_ROOT).digest("hex").slice(0, 16)}.sock`;
  for (const base of [env.XDG_RUNTIME_DIR, tmpdir(), "/tmp"]) {
    if (!base || Buffer.byteLength(join(base, "mesh-0000000000", name)) > MAX_SOCKET_PATH) continue;
    const dir = privateDir(base);
    if (dir) return join(dir, name);
  }
  return undefined;
}

/**
 * Whether `mesh <argv>` goes through the plan server: only `mesh plan` (not `plan merge`, which starts no worker).
 * MESH_SERVER=1 forces it on, MESH_SERVER=0 off; by default it is on for a person at a terminal and off in CI,
 * scripts and tests, where nobody re-plans interactively and a process that outlives the command is unwelcome.
 */
function serverWanted(argv, env = process.env, streams = process) {
  if (argv[0] !== "plan" || argv[1] === "merge" || process.platform === "win32") return false;
  if (env.MESH_SERVER === "1") return true;
  if (env.MESH_SERVER === "0") return false;
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "false";
  return !ci && Boolean(streams.stdout.isTTY || streams.stderr.isTTY);
}

/** The server's idle timeout in seconds: MESH_SERVER_IDLE_SECONDS (15 minutes by default), at most ~24.8 days. */
function idleSeconds(env = process.env) {
  const given = Number(env.MESH_SERVER_IDLE_SECONDS);
  return Number.isFinite(given) && given > 0 ? Math.min(Math.ceil(given), MAX_IDLE_SECONDS) : 900;
}

/** The idle timeout as the notice and `mesh server status` say it. */
function idleTime(env = process.env) {
  const seconds = idleSeconds(env);
  if (seconds % 60 === 0) return `${seconds / 60} idle minute${seconds === 60 ? "" : "s"}`;
  return `${seconds} idle second${seconds === 1 ? "" : "s"}`;
}

/**
 * Starts a plan server for this checkout in the background, in the checkout's folder (a client's folder may be
 * deleted while the server lives); its own output goes to a log beside the socket. Returns a probe that says
 * whether it has already exited (it failed to start).
 */
function startServer(socket) {
  const log = openSync(`${socket}.log`, "a", 0o600);
  let exited = false;
  try {
    const child = spawn(process.execPath, ["--require", require.resolve("tsx/cjs"), "--require", join(__dirname, "fast-cjs.js"), join(__dirname, "..", "src", "server", "main.ts"), socket], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ["ignore", log, log],
      env: process.env,
    });
    child.on("exit", () => (exited = true));
    child.on("error", () => (exited = true));
    child.unref();
  } finally {
    closeSync(log);
  }
  return () => exited;
}

/** Opens a connection to the server, or resolves undefined when nobody listens there. */
function tryConnect(socket) {
  return new Promise((done) => {
    const c = connect(socket);
    c.once("connect", () => done(c));
    c.once("error", () => done(undefined));
  });
}

async function connectOrStart(socket, { start = true } = {}) {
  const existing = await tryConnect(socket);
  if (existing || !start) return existing;
  const hasExited = startServer(socket);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 40));
    const c = await tryConnect(socket);
    if (c) return c;
    // A server that could not start (broken code, say) is not waited for: this process plans, and says why.
    if (hasExited()) return undefined;
  }
  return undefined;
}

/** Sends one request and calls `onMessage` for each line of the answer until the server closes the connection. */
function exchange(connection, request, onMessage) {
  return new Promise((done) => {
    let buffered = "";
    connection.setEncoding("utf8");
    connection.on("data", (chunk) => {
      buffered += chunk;
      let nl;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line) onMessage(JSON.parse(line));
      }
    });
    connection.on("close", () => done());
    connection.on("error", () => undefined);
    connection.write(`${JSON.stringify(request)}\n`);
  });
}

function write(stream, data) {
  return new Promise((r) => (data ? stream.write(data, () => r()) : r()));
}

/**
 * Runs `mesh <argv>` on this checkout's plan server, starting one when none runs. Resolves the exit code, or
 * undefined when no server could serve it (then the caller plans in this process, as without a server).
 * A server that runs older code than the checkout now holds, or another Node.js, answers "stale" and stops: a
 * fresh one is started, so a result never comes from code that is not on disk. A server that stops before it
 * began this client's plan (another client's Ctrl-C, `mesh server stop`) is not an error either: same retry.
 */
async function runThroughServer(argv) {
  const socket = socketPath();
  if (!socket) return undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const connection = await connectOrStart(socket);
    if (!connection) return undefined;
    let code;
    let started = false;
    let stale = false;
    let stopped;
    let pending = Promise.resolve();
    await exchange(connection, {
      type: "run",
      argv,
      cwd: process.cwd(),
      env: process.env,
      tty: { stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY) },
      umask: process.umask(),
      node: { version: process.version, execPath: process.execPath },
    }, (m) => {
      if (m.type === "started") started = true;
      else if (m.type === "write") pending = pending.then(() => write(m.fd === 1 ? process.stdout : process.stderr, m.data));
      else if (m.type === "exit") code = m.code;
      else if (m.type === "stale") stale = true;
      else if (m.type === "stopped") stopped = m.reason;
    });
    await pending;
    if (code !== undefined) return code;
    if (stale || !started) continue;
    if (stopped) {
      // As if this process had been sent the signal that stopped the server (128 + SIGTERM's number).
      process.stderr.write(`error: the plan server was stopped (${stopped}) before this plan ended; nothing of it was written: run it again\n`);
      return 143;
    }
    process.stderr.write(`internal error: the plan server stopped before the plan ended (its log: ${socket}.log); run again, or set MESH_SERVER=0 to plan without it\n`);
    return 1;
  }
  return undefined;
}

/** `mesh server status|stop`: asks this checkout's server, if one runs; never starts one. */
async function askServer(type) {
  const socket = socketPath();
  const connection = socket && (await connectOrStart(socket, { start: false }));
  if (!connection) return undefined;
  let answer;
  await exchange(connection, { type }, (m) => (answer = m));
  return answer;
}

module.exports = { REPO_ROOT, askServer, idleSeconds, idleTime, runThroughServer, serverWanted, socketPath, tryConnect };
