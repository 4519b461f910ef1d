import { connect } from "node:net";

export type ServerMessage = Record<string, unknown>;

/** One request to a plan server on a fresh connection; resolves every line it answered, in order. */
export function askSocket(socket: string, request: ServerMessage): Promise<ServerMessage[]> {
  return new Promise((done, fail) => {
    const c = connect(socket);
    let text = "";
    c.setEncoding("utf8");
    c.on("data", (d) => (text += d));
    c.on("close", () => done(text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as ServerMessage)));
    c.on("error", fail);
    c.write(`${JSON.stringify(request)}\n`);
  });
}
