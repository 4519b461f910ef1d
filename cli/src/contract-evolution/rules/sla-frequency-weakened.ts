import { type ChangeRule, changeOf } from "../rule";
import { slaPath } from "../sla";

export const slaFrequencyWeakened: ChangeRule = {
  id: "sla-frequency-weakened",
  title: "SLA weakened: refreshed less often",
  level: "breaking",
  scope: "contract",
  datacontractCli: [],
  description: "Consumers scheduled after each refresh get fewer updates.",
  action: "keep the SLA, or weaken it in a new major",
  detect(pair) {
    const before = pair.base.sla.frequency;
    const after = pair.head.sla.frequency;
    if (before === undefined || (after !== undefined && !(after > before))) return [];
    return [changeOf(this, { path: slaPath(pair.head, "frequency"), old: before, new: after, message: "frequency SLA weakened" })];
  },
};
