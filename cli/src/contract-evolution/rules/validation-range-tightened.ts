import { type ChangeRule, changeOf } from "../rule";
import { boundMove, RANGE_BOUNDS, optionsOf } from "../validation";

export const validationRangeTightened: ChangeRule = {
  id: "validation-range-tightened",
  title: "Validation tightened: minimum or maximum (exclusive or not)",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_minimum_added", "field_minimum_updated", "field_maximum_added", "field_maximum_updated", "field_exclusive_minimum_updated", "field_exclusive_maximum_updated"],
  description: "Values inside the old bounds may now be rejected or cut.",
  action: "keep the bounds, or tighten them in a new major",
  detect(pair) {
    return pair.properties.flatMap(({ object, base, head }) =>
      RANGE_BOUNDS.filter((o) => boundMove(o, optionsOf(base)[o], optionsOf(head)[o]) === "tightened").map((o) =>
        changeOf(this, { port: object, field: base.name, path: `${head.path}.logicalTypeOptions.${o}`, old: optionsOf(base)[o], new: optionsOf(head)[o], message: `${o} of ${base.name} tightened` }),
      ),
    );
  },
};
