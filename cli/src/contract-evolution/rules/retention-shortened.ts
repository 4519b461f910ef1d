import { type ChangeRule, changeOf } from "../rule";
import { slaPath } from "../sla";

export const retentionShortened: ChangeRule = {
  id: "retention-shortened",
  title: "Retention shortened",
  level: "breaking",
  scope: "contract",
  datacontractCli: [],
  description: "Consumers lose history they may backfill from or must keep for audits.",
  action: "keep the retention, or shorten it in a new major",
  detect(pair) {
    const before = pair.base.sla.retention;
    const after = pair.head.sla.retention;
    if (before === undefined || (after !== undefined && !(after < before))) return [];
    return [changeOf(this, { path: slaPath(pair.head, "retention"), old: before, new: after, message: "retention SLA weakened" })];
  },
};
