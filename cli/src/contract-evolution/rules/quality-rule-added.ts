import { qualityChecks } from "../quality";
import { type ChangeRule, changeOf } from "../rule";

export const qualityRuleAdded: ChangeRule = {
  id: "quality-rule-added",
  title: "Quality rule added",
  level: "warning",
  scope: "port",
  datacontractCli: ["quality_added"],
  description: "A new check can fail the producer's run on data that passed before, so readers may get stale data until it is fixed.",
  action: "run the check against current data first (mesh test); raise the minor version",
  detect(pair) {
    const before = qualityChecks(pair.base);
    return [...qualityChecks(pair.head)].filter(([path, x]) => !before.has(path) && pair.base.objects.some((o) => o.name === x.port)).map(([path, x]) => changeOf(this, { port: x.port, field: x.field, path, old: undefined, new: x.q.def, message: `quality rule ${x.q.key} added to ${x.field ?? x.port}` }));
  },
};
