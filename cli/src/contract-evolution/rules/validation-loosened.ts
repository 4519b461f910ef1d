import { type ChangeRule, changeOf } from "../rule";
import { boundMove, LENGTH_BOUNDS, optionsOf, RANGE_BOUNDS } from "../validation";
import { validValuesOf } from "../view";

export const validationLoosened: ChangeRule = {
  id: "validation-loosened",
  title: "Validation loosened: pattern or format removed, bounds widened, allowed values added",
  level: "warning",
  scope: "field",
  datacontractCli: ["field_pattern_removed", "field_min_length_removed", "field_maximum_removed", "field_enum_added"],
  description: "Readers may now see values they never handled (a new enum value, a longer string).",
  action: "tell the readers of the field; raise the minor version",
  detect(pair) {
    return pair.properties.flatMap(({ object, base, head }) => {
      const out = [];
      for (const o of ["pattern", "format"] as const) {
        if (optionsOf(base)[o] !== undefined && optionsOf(head)[o] === undefined) {
          out.push(changeOf(this, { port: object, field: base.name, path: `${head.path}.logicalTypeOptions.${o}`, old: optionsOf(base)[o], new: undefined, message: `${o} of ${base.name} removed` }));
        }
      }
      for (const o of [...LENGTH_BOUNDS, ...RANGE_BOUNDS]) {
        if (boundMove(o, optionsOf(base)[o], optionsOf(head)[o]) === "loosened") {
          out.push(changeOf(this, { port: object, field: base.name, path: `${head.path}.logicalTypeOptions.${o}`, old: optionsOf(base)[o], new: optionsOf(head)[o], message: `${o} of ${base.name} loosened` }));
        }
      }
      const before = validValuesOf(base);
      const after = validValuesOf(head);
      const added = before && after ? after.filter((v) => !before.includes(v)) : [];
      if (before && (!after || added.length > 0)) {
        out.push(changeOf(this, { port: object, field: base.name, path: `${head.path}.quality.validValues`, old: before, new: after, message: after ? `${base.name} now also allows ${added.join(", ")}` : `${base.name} no longer restricts its values` }));
      }
      return out;
    });
  },
};
