import { qualityChecks, thresholdMove } from "../quality";
import { type ChangeRule, changeOf } from "../rule";

export const qualityRuleWeakened: ChangeRule = {
  id: "quality-rule-weakened",
  title: "Quality rule removed or threshold loosened",
  level: "warning",
  scope: "port",
  datacontractCli: ["quality_removed", "quality_specification_updated"],
  description: "Readers lose a guarantee they may rely on (no nulls, a minimum row count).",
  action: "tell the readers; raise the minor version",
  detect(pair) {
    const after = qualityChecks(pair.head);
    return [...qualityChecks(pair.base)].flatMap(([path, x]) => {
      if (!pair.head.objects.some((o) => o.name === x.port)) return [];
      const h = after.get(path);
      if (h && thresholdMove(x.q.def, h.q.def) !== "loosened") return [];
      return [changeOf(this, { port: x.port, field: x.field, path, old: x.q.def, new: h?.q.def, message: `quality rule ${x.q.key} of ${x.field ?? x.port} ${h ? "loosened" : "removed"}` })];
    });
  },
};
