import { type ChangeRule, type ContractChange, changeOf } from "../rule";

const text = (d: unknown) => (typeof d === "string" ? d : JSON.stringify(d ?? null));

export const descriptionChanged: ChangeRule = {
  id: "description-changed",
  title: "Description changed",
  level: "info",
  scope: "contract",
  datacontractCli: ["model_description_updated", "field_description_updated"],
  description: "Documentation only.",
  action: "raise the patch version",
  detect(pair) {
    const out: ContractChange[] = [];
    if (text(pair.base.doc.description) !== text(pair.head.doc.description)) out.push(changeOf(this, { path: "description", old: pair.base.doc.description, new: pair.head.doc.description, message: "contract description changed" }));
    for (const { base, head } of pair.objects) {
      if (text(base.raw.description) !== text(head.raw.description)) out.push(changeOf(this, { port: head.name, path: `${head.path}.description`, old: base.raw.description, new: head.raw.description, message: `description of ${head.name} changed` }));
    }
    for (const { object, base, head } of pair.properties) {
      if (text(base.raw.description) !== text(head.raw.description)) out.push(changeOf(this, { port: object, field: base.name, path: `${head.path}.description`, old: base.raw.description, new: head.raw.description, message: `description of ${base.name} changed` }));
    }
    return out;
  },
};
