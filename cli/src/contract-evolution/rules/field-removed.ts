import { type ChangeRule, changeOf } from "../rule";

export const fieldRemoved: ChangeRule = {
  id: "field-removed",
  title: "Field removed",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_removed"],
  description: "A consumer that reads the field can no longer query it.",
  action: "keep the field, or publish its removal as a new major and keep the old major until its readers moved",
  detect(pair) {
    return pair.removedProperties.map(({ object, property: p }) => changeOf(this, { port: object, field: p.name, path: p.path, old: p.name, new: undefined, message: `field ${p.name} removed from ${object}` }));
  },
};
