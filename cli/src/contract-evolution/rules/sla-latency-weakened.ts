import { type ChangeRule, changeOf } from "../rule";
import { slaPath } from "../sla";

export const slaLatencyWeakened: ChangeRule = {
  id: "sla-latency-weakened",
  title: "SLA weakened: latency (freshness) longer",
  level: "breaking",
  scope: "contract",
  datacontractCli: [],
  description: "Consumers that need data at most this old get staler data.",
  action: "keep the SLA, or weaken it in a new major",
  detect(pair) {
    const before = pair.base.sla.latency;
    const after = pair.head.sla.latency;
    if (before === undefined || (after !== undefined && !(after > before))) return [];
    return [changeOf(this, { path: slaPath(pair.head, "latency"), old: before, new: after, message: "latency SLA weakened" })];
  },
};
