import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type BuildContext, policyDocument } from "../blueprint/context";
import type { DataProductSpec } from "../blueprint/spec";

/** Metric namespace the pipelines publish to, through CloudWatch embedded metric format in their log group. */
export const METRIC_NAMESPACE = "DataMesh";
export const METRICS = { rowsPublished: "RowsPublished", qualityFailures: "QualityChecksFailed" } as const;

const MAX_ALARM_WINDOW_SECONDS = 7 * 86400;
const MIN_LOG_RETENTION_DAYS = 365;

/**
 * An alarm period (a whole number of minutes, at most a day) and how many periods make up `seconds`, rounded up
 * to a minute: the window equals the SLA, never more. The period is the largest that divides the window evenly.
 */
export function alarmWindow(seconds: number): { period: number; evaluationPeriods: number } {
  const minutes = Math.ceil(Math.min(Math.max(seconds, 60), MAX_ALARM_WINDOW_SECONDS) / 60);
  let perPeriod = Math.min(minutes, 1440);
  while (minutes % perPeriod !== 0) perPeriod--;
  return { period: perPeriod * 60, evaluationPeriods: minutes / perPeriod };
}

export function alertTopic(ctx: BuildContext, keyArn: pulumi.Input<string>, owner: { email: string }): aws.sns.Topic {
  const topic = new aws.sns.Topic(`${ctx.name}-alerts`, {
    name: ctx.names.alertTopic(),
    kmsMasterKeyId: keyArn,
    tags: ctx.tags,
  }, ctx.opts);
  new aws.sns.TopicPolicy(`${ctx.name}-alerts-policy`, {
    arn: topic.arn,
    policy: topic.arn.apply((arn) => policyDocument([
      {
        Sid: "CloudWatchAlarmsPublish",
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: "sns:Publish",
        Resource: arn,
        Condition: { StringEquals: { "aws:SourceAccount": ctx.account } },
      },
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sns:Publish",
        Resource: arn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ])),
  }, ctx.opts);
  new aws.sns.TopicSubscription(`${ctx.name}-alerts-owner`, { topic: topic.arn, protocol: "email", endpoint: owner.email }, ctx.opts);
  return topic;
}

/** The product's log group: pipelines write run logs and EMF metrics here, encrypted with the domain key. */
export function productLogGroup(ctx: BuildContext, product: string, keyArn: pulumi.Input<string>, retentionDays: number): aws.cloudwatch.LogGroup {
  const allowed = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
  // At least a year (FSBP CloudWatch.16): run logs are the audit trail of what a pipeline did to the data.
  const retention = allowed.find((d) => d >= Math.min(Math.max(retentionDays, MIN_LOG_RETENTION_DAYS), 3653)) ?? 3653;
  return new aws.cloudwatch.LogGroup(`${ctx.name}-logs`, {
    name: ctx.names.logGroup(product),
    retentionInDays: retention,
    kmsKeyId: keyArn,
    tags: ctx.tags,
  }, ctx.opts);
}

/**
 * Freshness (from the latency SLA) and quality alarms. Missing data is breaching: a pipeline that stops
 * reporting is as stale as one that reports old data.
 */
export function productAlarms(ctx: BuildContext, spec: DataProductSpec, topicArn: pulumi.Input<string>): aws.cloudwatch.MetricAlarm[] {
  const dimensions = { Domain: ctx.names.scope.domain, Product: spec.name };
  const freshness = alarmWindow(spec.sla.latencySeconds);
  const quality = alarmWindow(spec.sla.frequencySeconds);
  const common = { namespace: METRIC_NAMESPACE, dimensions, treatMissingData: "breaching", alarmActions: [topicArn], okActions: [topicArn], tags: ctx.tags, statistic: "Sum" };
  const alarms = [
    new aws.cloudwatch.MetricAlarm(`${ctx.name}-freshness`, {
      ...common,
      name: ctx.names.alarm(spec.name, "freshness"),
      alarmDescription: `${ctx.names.scope.domain}/${spec.name}: no rows published within the ${Math.round(spec.sla.latencySeconds / 60)}-minute latency SLA`,
      metricName: METRICS.rowsPublished,
      comparisonOperator: "LessThanThreshold",
      threshold: 1,
      period: freshness.period,
      evaluationPeriods: freshness.evaluationPeriods,
      datapointsToAlarm: freshness.evaluationPeriods,
    }, ctx.opts),
    new aws.cloudwatch.MetricAlarm(`${ctx.name}-quality`, {
      ...common,
      name: ctx.names.alarm(spec.name, "quality"),
      alarmDescription: `${ctx.names.scope.domain}/${spec.name}: a contract quality check failed (${spec.quality.length} rules)`,
      metricName: METRICS.qualityFailures,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      period: quality.period,
      evaluationPeriods: 1,
    }, ctx.opts),
  ];
  // An older major served beside the current one is fed by its own job: it gets its own freshness alarm, on
  // metrics the pipeline publishes with Port and Major dimensions. The current major keeps the product alarm.
  const olderMajors = spec.ports.filter((p) => p.deprecation && p.major !== spec.ports[0]?.major).map((p) => {
    const window = alarmWindow(p.deprecation!.latencySeconds);
    return new aws.cloudwatch.MetricAlarm(`${ctx.name}-${p.name}-v${p.major}-freshness`, {
      ...common,
      dimensions: { ...dimensions, Port: p.name, Major: String(p.major) },
      name: ctx.names.alarm(spec.name, `${p.name}-v${p.major}-freshness`),
      alarmDescription: `${ctx.names.scope.domain}/${spec.name}: ${p.name}@${p.major} (deprecated, end of life ${p.deprecation!.endOfLife ?? "not set"}) published no rows within the ${Math.round(p.deprecation!.latencySeconds / 60)}-minute latency SLA of its contract`,
      metricName: METRICS.rowsPublished,
      comparisonOperator: "LessThanThreshold",
      threshold: 1,
      period: window.period,
      evaluationPeriods: window.evaluationPeriods,
      datapointsToAlarm: window.evaluationPeriods,
    }, ctx.opts);
  });
  return [...alarms, ...olderMajors];
}

/** One dashboard per domain: freshness and quality of every product side by side. */
export function domainDashboard(ctx: BuildContext, products: string[]): aws.cloudwatch.Dashboard {
  const { domain } = ctx.names.scope;
  const widgets = products.flatMap((product, i) => [
    {
      type: "metric", x: 0, y: i * 6, width: 12, height: 6,
      properties: { title: `${product}: rows published`, region: ctx.region, stat: "Sum", period: 300, metrics: [[METRIC_NAMESPACE, METRICS.rowsPublished, "Domain", domain, "Product", product]] },
    },
    {
      type: "metric", x: 12, y: i * 6, width: 12, height: 6,
      properties: { title: `${product}: failed quality checks`, region: ctx.region, stat: "Sum", period: 300, metrics: [[METRIC_NAMESPACE, METRICS.qualityFailures, "Domain", domain, "Product", product]] },
    },
  ]);
  return new aws.cloudwatch.Dashboard(`${ctx.name}-dashboard`, {
    dashboardName: ctx.names.dashboard(),
    dashboardBody: JSON.stringify({ widgets }),
  }, ctx.opts);
}
