import { type ChangeRule, changeOf } from "../rule";

export const requiredChanged: ChangeRule = {
  id: "required-changed",
  title: "Nullability changed (nullable → required, or required → nullable)",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_required_updated"],
  description: "nullable → required rejects rows that were valid; required → nullable hands readers nulls they never handled.",
  action: "keep the nullability, or change it in a new major",
  detect(pair) {
    return pair.properties
      .filter(({ base, head }) => (base.raw.required === true) !== (head.raw.required === true))
      .map(({ object, base, head }) =>
        changeOf(this, { port: object, field: base.name, path: `${head.path}.required`, old: base.raw.required === true, new: head.raw.required === true, message: `${base.name} ${head.raw.required === true ? "nullable → required" : "required → nullable"}` }),
      );
  },
};
