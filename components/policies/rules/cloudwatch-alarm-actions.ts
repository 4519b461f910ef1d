import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** An alarm nobody hears is no alarm: each notifies a target, with actions switched on. */
export const cloudwatchAlarmActions: Rule = {
  id: "cloudwatch-alarm-actions",
  title: "CloudWatch alarms have active alarm actions",
  severity: "mandatory",
  standards: [
    { framework: "AWS FSBP", control: "CloudWatch.15" },
    { framework: "AWS FSBP", control: "CloudWatch.17" },
  ],
  description: "A freshness or quality alarm without actions changes state silently and the SLA breach goes unnoticed.",
  fix: "Set alarmActions (and okActions) to the domain's alert topic and leave actionsEnabled true.",
  resourceTypes: [T.metricAlarm],
  check(alarm) {
    const problems: string[] = [];
    if (list(alarm.inputs.alarmActions).length === 0) problems.push("has no alarm actions");
    if (alarm.inputs.actionsEnabled === false) problems.push("has its actions switched off");
    return problems;
  },
};
