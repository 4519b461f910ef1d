import { type ChangeRule, changeOf } from "../rule";
import { optionsOf } from "../validation";

export const validationPatternChanged: ChangeRule = {
  id: "validation-pattern-changed",
  title: "Validation tightened: pattern added or changed",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_pattern_added", "field_pattern_updated"],
  description: "Values that matched before may now be rejected, and readers that validate with the old pattern disagree.",
  action: "keep the pattern, or change it in a new major",
  detect(pair) {
    return pair.properties.flatMap(({ object, base, head }) => {
      const before = optionsOf(base).pattern;
      const after = optionsOf(head).pattern;
      if (after === undefined || after === before) return [];
      return [changeOf(this, { port: object, field: base.name, path: `${head.path}.logicalTypeOptions.pattern`, old: before, new: after, message: `pattern of ${base.name} ${before === undefined ? "added" : "changed"}` })];
    });
  },
};
