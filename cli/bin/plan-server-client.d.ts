// Types of plan-server-client.js (plain JavaScript: it must load without tsx), for the TypeScript that uses it.

/** The real path of the checkout this CLI belongs to. */
export const REPO_ROOT: string;
/** One answer of this checkout's plan server to `status` or `stop`, or undefined when none runs (never starts one). */
export function askServer(type: "status" | "stop"): Promise<Record<string, unknown> | undefined>;
/** The server's idle timeout in seconds (MESH_SERVER_IDLE_SECONDS, clamped to what timers hold; 900 by default). */
export function idleSeconds(env?: NodeJS.ProcessEnv): number;
/** The idle timeout as the notice and `mesh server status` say it ("15 idle minutes"). */
export function idleTime(env?: NodeJS.ProcessEnv): string;
/** Runs `mesh <argv>` on the plan server; the exit code, or undefined when no server could serve it. */
export function runThroughServer(argv: string[]): Promise<number | undefined>;
/** Whether `mesh <argv>` goes through the plan server (MESH_SERVER, a terminal, not CI). */
export function serverWanted(argv: string[], env?: NodeJS.ProcessEnv, streams?: { stdout: { isTTY?: boolean }; stderr: { isTTY?: boolean } }): boolean;
/** The socket of this checkout's plan server, or undefined when no private folder can hold it. */
export function socketPath(env?: NodeJS.ProcessEnv): string | undefined;
/** A connection to whoever listens on `socket`, or undefined when nobody does. */
export function tryConnect(socket: string): Promise<import("node:net").Socket | undefined>;
