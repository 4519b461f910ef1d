import { typeMove } from "../physical-types";
import { type ChangeRule, changeOf } from "../rule";

export const physicalTypeNarrowed: ChangeRule = {
  id: "physical-type-narrowed",
  title: "Physical type narrowed or changed to another type",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_type_updated"],
  description: "Values that fit before may not fit now (varchar(64) → varchar(32), bigint → int, string → int), and readers' column types no longer match.",
  action: "keep the type, or change it in a new major",
  detect(pair) {
    return pair.properties.flatMap(({ object, base, head }) => {
      const move = typeMove(base.raw.physicalType, head.raw.physicalType);
      if (move !== "narrowed" && move !== "changed") return [];
      return [changeOf(this, { port: object, field: base.name, path: `${head.path}.physicalType`, old: base.raw.physicalType, new: head.raw.physicalType, message: `physical type of ${base.name} ${move}` })];
    });
  },
};
