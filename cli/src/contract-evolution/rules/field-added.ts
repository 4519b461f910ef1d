import { type ChangeRule, changeOf } from "../rule";

export const fieldAdded: ChangeRule = {
  id: "field-added",
  title: "Optional field added",
  level: "info",
  scope: "field",
  datacontractCli: ["field_added"],
  description: "A new nullable column is compatible: existing queries keep working.",
  action: "raise the minor version",
  detect(pair) {
    return pair.addedProperties
      .filter(({ property: p }) => p.raw.required !== true)
      .map(({ object, property: p }) => changeOf(this, { port: object, field: p.name, path: p.path, old: undefined, new: p.name, message: `optional field ${p.name} added to ${object}` }));
  },
};
