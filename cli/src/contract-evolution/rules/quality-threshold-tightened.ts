import { qualityChecks, thresholdMove } from "../quality";
import { type ChangeRule, changeOf } from "../rule";

export const qualityThresholdTightened: ChangeRule = {
  id: "quality-threshold-tightened",
  title: "Quality threshold tightened",
  level: "warning",
  scope: "port",
  datacontractCli: ["quality_specification_updated"],
  description: "A stricter check can fail the producer's run on data that passed before.",
  action: "run the check against current data first (mesh test); raise the minor version",
  detect(pair) {
    const after = qualityChecks(pair.head);
    return [...qualityChecks(pair.base)].flatMap(([path, x]) => {
      const h = after.get(path);
      if (!h || thresholdMove(x.q.def, h.q.def) !== "tightened") return [];
      return [changeOf(this, { port: x.port, field: x.field, path, old: x.q.def, new: h.q.def, message: `quality rule ${x.q.key} of ${x.field ?? x.port} tightened` })];
    });
  },
};
