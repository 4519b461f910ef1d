import { type ChangeRule, changeOf } from "../rule";

export const logicalTypeChanged: ChangeRule = {
  id: "logical-type-changed",
  title: "Logical type changed",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_type_updated"],
  description: "Readers parse, compare and aggregate the field by its logical type.",
  action: "add a new field with the new type, or change the type in a new major",
  detect(pair) {
    return pair.properties
      .filter(({ base, head }) => base.raw.logicalType !== head.raw.logicalType)
      .map(({ object, base, head }) => changeOf(this, { port: object, field: base.name, path: `${head.path}.logicalType`, old: base.raw.logicalType, new: head.raw.logicalType, message: `logical type of ${base.name} changed` }));
  },
};
