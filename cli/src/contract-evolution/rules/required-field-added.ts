import { type ChangeRule, changeOf } from "../rule";

export const requiredFieldAdded: ChangeRule = {
  id: "required-field-added",
  title: "Required field added",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_added", "field_required_updated"],
  description: "Whoever writes or replays rows of this schema (backfills, test fixtures, copies) must now provide the field.",
  action: "add the field as optional first (required: false), or add it in a new major",
  detect(pair) {
    return pair.addedProperties
      .filter(({ property: p }) => p.raw.required === true)
      .map(({ object, property: p }) => changeOf(this, { port: object, field: p.name, path: `${p.path}.required`, old: undefined, new: true, message: `required field ${p.name} added to ${object}` }));
  },
};
