import { type ChangeRule, changeOf } from "../rule";
import { slaPath } from "../sla";
import type { SlaView } from "../view";

/** For each SLA property: does a new value promise more than the old one? */
const BETTER: Record<keyof SlaView, (before: number, after: number) => boolean> = {
  latency: (b, a) => a < b,
  frequency: (b, a) => a < b,
  retention: (b, a) => a > b,
  availability: (b, a) => a > b,
};

export const slaImproved: ChangeRule = {
  id: "sla-improved",
  title: "SLA tightened (fresher, more often, more available, kept longer)",
  level: "info",
  scope: "contract",
  datacontractCli: [],
  description: "A stronger promise is compatible.",
  action: "raise the minor version",
  detect(pair) {
    return (Object.keys(BETTER) as (keyof SlaView)[]).flatMap((k) => {
      const before = pair.base.sla[k];
      const after = pair.head.sla[k];
      if (after === undefined || (before !== undefined && !BETTER[k](before, after))) return [];
      return [changeOf(this, { path: slaPath(pair.head, k), old: before, new: after, message: `${k} SLA tightened` })];
    });
  },
};
