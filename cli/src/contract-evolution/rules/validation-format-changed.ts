import { type ChangeRule, changeOf } from "../rule";
import { optionsOf } from "../validation";

export const validationFormatChanged: ChangeRule = {
  id: "validation-format-changed",
  title: "Validation tightened: format added or changed",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_format_added", "field_format_updated"],
  description: "Readers parse the field by its format (a date pattern, uuid, email).",
  action: "keep the format, or change it in a new major",
  detect(pair) {
    return pair.properties.flatMap(({ object, base, head }) => {
      const before = optionsOf(base).format;
      const after = optionsOf(head).format;
      if (after === undefined || after === before) return [];
      return [changeOf(this, { port: object, field: base.name, path: `${head.path}.logicalTypeOptions.format`, old: before, new: after, message: `format of ${base.name} ${before === undefined ? "added" : "changed"}` })];
    });
  },
};
