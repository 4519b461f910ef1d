import { type ChangeRule, changeOf } from "../rule";

export const objectAdded: ChangeRule = {
  id: "object-added",
  title: "Schema object added",
  level: "info",
  scope: "port",
  datacontractCli: ["model_added"],
  description: "A new object is compatible: nobody reads it yet.",
  action: "raise the minor version",
  detect(pair) {
    return pair.addedObjects.map((o) => changeOf(this, { port: o.name, path: o.path, old: undefined, new: o.name, message: `schema object ${o.name} added` }));
  },
};
