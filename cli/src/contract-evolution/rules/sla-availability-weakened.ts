import { type ChangeRule, changeOf } from "../rule";
import { slaPath } from "../sla";

export const slaAvailabilityWeakened: ChangeRule = {
  id: "sla-availability-weakened",
  title: "SLA weakened: availability lower (or no longer promised)",
  level: "breaking",
  scope: "contract",
  datacontractCli: [],
  description: "Consumers' own availability depends on it.",
  action: "keep the SLA, or weaken it in a new major",
  detect(pair) {
    const before = pair.base.sla.availability;
    const after = pair.head.sla.availability;
    if (before === undefined || (after !== undefined && !(after < before))) return [];
    return [changeOf(this, { path: slaPath(pair.head, "availability"), old: before, new: after, message: "availability SLA weakened" })];
  },
};
