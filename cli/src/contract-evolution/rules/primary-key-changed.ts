import { type ChangeRule, changeOf } from "../rule";

export const primaryKeyChanged: ChangeRule = {
  id: "primary-key-changed",
  title: "Primary key changed",
  level: "breaking",
  scope: "port",
  datacontractCli: ["field_primary_key_added", "field_primary_key_removed", "field_primary_key_updated"],
  description: "The primary key is the grain of a row: every reader's joins and merges depend on it.",
  action: "keep the key, or change the grain in a new major",
  detect(pair) {
    return pair.objects.flatMap(({ base, head }) => {
      const key = (o: typeof base) => o.properties.filter((p) => p.raw.primaryKey === true).sort((a, b) => (a.raw.primaryKeyPosition ?? 0) - (b.raw.primaryKeyPosition ?? 0)).map((p) => p.name);
      const before = key(base);
      const after = key(head);
      if (before.join() === after.join()) return [];
      return [changeOf(this, { port: head.name, path: `${head.path}.primaryKey`, old: before, new: after, message: `primary key of ${head.name} changed` })];
    });
  },
};
