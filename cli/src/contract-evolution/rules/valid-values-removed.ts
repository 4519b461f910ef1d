import { type ChangeRule, changeOf } from "../rule";
import { validValuesOf } from "../view";

export const validValuesRemoved: ChangeRule = {
  id: "valid-values-removed",
  title: "Validation tightened: an allowed value removed (validValues)",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_enum_updated"],
  description: "Rows carrying a value that is no longer allowed are rejected, and readers' filters on it go empty.",
  action: "keep the value, or remove it in a new major",
  detect(pair) {
    return pair.properties.flatMap(({ object, base, head }) => {
      const before = validValuesOf(base);
      const after = validValuesOf(head);
      if (!after) return [];
      const removed = before ? before.filter((v) => !after.includes(v)) : ["(any value)"];
      if (removed.length === 0) return [];
      return [changeOf(this, { port: object, field: base.name, path: `${head.path}.quality.validValues`, old: before, new: after, message: `${base.name} no longer allows ${removed.join(", ")}` })];
    });
  },
};
