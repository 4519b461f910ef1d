import { type ChangeRule, changeOf } from "../rule";
import { boundMove, LENGTH_BOUNDS, optionsOf } from "../validation";

export const validationLengthTightened: ChangeRule = {
  id: "validation-length-tightened",
  title: "Validation tightened: minLength or maxLength",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_min_length_added", "field_min_length_updated", "field_max_length_added", "field_max_length_updated"],
  description: "Values inside the old bounds may now be rejected or cut.",
  action: "keep the bounds, or tighten them in a new major",
  detect(pair) {
    return pair.properties.flatMap(({ object, base, head }) =>
      LENGTH_BOUNDS.filter((o) => boundMove(o, optionsOf(base)[o], optionsOf(head)[o]) === "tightened").map((o) =>
        changeOf(this, { port: object, field: base.name, path: `${head.path}.logicalTypeOptions.${o}`, old: optionsOf(base)[o], new: optionsOf(head)[o], message: `${o} of ${base.name} tightened` }),
      ),
    );
  },
};
