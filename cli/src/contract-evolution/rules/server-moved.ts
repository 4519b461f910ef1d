import { type ChangeRule, changeOf } from "../rule";

/** Server keys that say where the data is; description, roles and custom properties do not move it. */
const NOT_LOCATION = new Set(["description", "roles", "customProperties", "id"]);

function location(server: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(server).filter(([k]) => !NOT_LOCATION.has(k)).sort(([a], [b]) => (a < b ? -1 : 1))));
}

export const serverMoved: ChangeRule = {
  id: "server-moved",
  title: "Server or location moved or removed",
  level: "breaking",
  scope: "contract",
  datacontractCli: [],
  description: "Consumers connect to the server (account, region, bucket, database) the contract names.",
  action: "serve the old location until consumers moved, or move it in a new major",
  detect(pair) {
    const before = (pair.base.doc.servers ?? []) as Record<string, unknown>[];
    const after = (pair.head.doc.servers ?? []) as Record<string, unknown>[];
    return before.flatMap((b) => {
      const name = String(b.server ?? b.type);
      const a = after.find((x) => String(x.server ?? x.type) === name);
      if (a && location(a) === location(b)) return [];
      return [changeOf(this, { path: `servers[${name}]`, old: b, new: a, message: a ? `server ${name} moved` : `server ${name} removed` })];
    });
  },
};
