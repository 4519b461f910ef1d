import type { Command } from "commander";
// Plain JavaScript (it must load without tsx), typed by plan-server-client.d.ts.
import * as client from "../../bin/plan-server-client";

/** `mesh server status` and `mesh server stop`: the resident plan server of this checkout (never starts one). */
export function registerServerCommands(program: Command): void {
  const server = program
    .command("server")
    .description("The resident plan server that keeps `mesh plan` warm at a terminal (MESH_SERVER=0 turns it off, =1 on)");
  server
    .command("status")
    .description("Say whether this checkout's plan server runs, since when and how many plans it served")
    .action(async () => {
      const s = await client.askServer("status");
      process.stdout.write(
        s
          ? `Plan server of ${client.REPO_ROOT}: pid ${s.pid}, running since ${s.startedAt}, ${s.served} plan(s) served${s.busy ? ", planning now" : ""}; stops after ${client.idleTime({ MESH_SERVER_IDLE_SECONDS: String(s.idleSeconds) })} (socket ${client.socketPath()})\n`
          : `No plan server runs for ${client.REPO_ROOT}.\n`,
      );
    });
  server
    .command("stop")
    .description("Stop this checkout's plan server and its workers (the next `mesh plan` at a terminal starts one)")
    .action(async () => {
      const s = await client.askServer("stop");
      process.stdout.write(s ? `Stopped the plan server of ${client.REPO_ROOT} (pid ${s.pid}).\n` : `No plan server runs for ${client.REPO_ROOT}.\n`);
    });
}
