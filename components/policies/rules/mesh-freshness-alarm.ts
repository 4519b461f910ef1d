import { productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** The metric pipelines publish per run (monitoring.ts METRICS.rowsPublished). */
const ROWS_PUBLISHED = "RowsPublished";
const MAX_WINDOW_SECONDS = 7 * 86400;

/** Each product alarms when no rows arrive within its latency SLA, treating silence as a breach. */
export const meshFreshnessAlarm: Rule = {
  id: "mesh-freshness-alarm",
  title: "Every data product alarms on its freshness SLA",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Observability: freshness" }],
  description: "The SLA is only a promise if a breach pages the owners: the alarm window must not exceed the latency SLA, and a pipeline that stops reporting must count as stale.",
  fix: "Keep the blueprint's freshness alarm: RowsPublished < 1 over the SLA window, treatMissingData breaching, actions to the domain topic.",
  resourceTypes: [T.dataProduct],
  check(product, stack) {
    const latency = Number(productInputs(product).sla?.latencySeconds);
    const alarm = stack.children(product, T.metricAlarm).find((a) => a.inputs.metricName === ROWS_PUBLISHED);
    if (!alarm) return "has no freshness alarm on RowsPublished";
    const problems: string[] = [];
    const window = Number(alarm.inputs.period) * Number(alarm.inputs.evaluationPeriods);
    const limit = Math.min(Math.ceil(Math.max(latency, 60) / 60) * 60, MAX_WINDOW_SECONDS);
    if (!(window <= limit)) problems.push(`alarm window ${window}s is longer than the latency SLA (${limit}s)`);
    if (alarm.inputs.treatMissingData !== "breaching") problems.push(`freshness alarm treats missing data as ${alarm.inputs.treatMissingData ?? "missing"}, not breaching`);
    if (list(alarm.inputs.alarmActions).length === 0) problems.push("freshness alarm notifies nobody");
    return problems;
  },
};
