import { type ChangeRule, changeOf } from "../rule";

export const objectRemoved: ChangeRule = {
  id: "object-removed",
  title: "Schema object (port) removed",
  level: "breaking",
  scope: "port",
  datacontractCli: ["model_removed"],
  description: "Every consumer of the port loses the table it reads.",
  action: "keep the object, or publish the change as a new major and keep the old major until its consumers moved",
  detect(pair) {
    return pair.removedObjects.map((o) => changeOf(this, { port: o.name, path: o.path, old: o.name, new: undefined, message: `schema object ${o.name} removed` }));
  },
};
