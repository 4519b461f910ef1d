import { type ChangeRule, changeOf } from "../rule";

export const uniqueChanged: ChangeRule = {
  id: "unique-changed",
  title: "Uniqueness changed",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_unique_updated"],
  description: "Readers join and deduplicate on unique fields; dropping uniqueness duplicates their rows, adding it rejects rows.",
  action: "keep the uniqueness, or change it in a new major",
  detect(pair) {
    return pair.properties
      .filter(({ base, head }) => (base.raw.unique === true) !== (head.raw.unique === true))
      .map(({ object, base, head }) => changeOf(this, { port: object, field: base.name, path: `${head.path}.unique`, old: base.raw.unique === true, new: head.raw.unique === true, message: `uniqueness of ${base.name} changed` }));
  },
};
