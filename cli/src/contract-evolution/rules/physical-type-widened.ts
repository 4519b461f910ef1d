import { typeMove } from "../physical-types";
import { type ChangeRule, changeOf } from "../rule";

export const physicalTypeWidened: ChangeRule = {
  id: "physical-type-widened",
  title: "Physical type widened",
  level: "warning",
  scope: "field",
  datacontractCli: ["field_type_updated"],
  description: "Every old value still fits (varchar(32) → varchar(64), int → bigint), but readers with fixed-size columns may truncate new values.",
  action: "tell the readers of the field; raise the minor version",
  detect(pair) {
    return pair.properties
      .filter(({ base, head }) => typeMove(base.raw.physicalType, head.raw.physicalType) === "widened")
      .map(({ object, base, head }) => changeOf(this, { port: object, field: base.name, path: `${head.path}.physicalType`, old: base.raw.physicalType, new: head.raw.physicalType, message: `physical type of ${base.name} widened` }));
  },
};
