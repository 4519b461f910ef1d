import { type ChangeRule, changeOf } from "../rule";

export const fieldRenamed: ChangeRule = {
  id: "field-renamed",
  title: "Field renamed (same stable id or physicalName)",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_removed", "field_added"],
  description: "Queries naming the old column fail; ODCS ties the two names through the property's id or physicalName.",
  action: "keep the old name (add the new one beside it), or rename in a new major",
  detect(pair) {
    return pair.renamedProperties.map(({ object, base, head }) => changeOf(this, { port: object, field: base.name, path: base.path, old: base.name, new: head.name, message: `field ${base.name} of ${object} renamed to ${head.name}` }));
  },
};
