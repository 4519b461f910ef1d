/**
 * List prices of the blueprint's resources that cost money every month whether or not data flows: the fixed
 * cost of running a data product. Usage (storage, requests, queries, compute) is not fixed and not priced here.
 * Prices in USD for the default region; a mesh may override any of them in mesh.yaml (`pricing.overrides`).
 */
export interface Price {
  /** USD per month per unit. */
  monthlyUsd: number;
  unit: string;
  source: string;
  /** When the price was read from the source. */
  asOf: string;
  note?: string;
}

export const DEFAULT_PRICING_REGION = "us-east-1";

export const PRICES: Record<string, Price> = {
  "aws:kms/key:Key": {
    monthlyUsd: 1.0,
    unit: "customer managed key",
    source: "https://aws.amazon.com/kms/pricing/",
    asOf: "2026-11-01",
    note: "each of the first two yearly rotations adds $1/month (at most $3/month per key)",
  },
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    monthlyUsd: 0.1,
    unit: "standard-resolution alarm metric",
    source: "https://aws.amazon.com/cloudwatch/pricing/",
    asOf: "2026-11-01",
  },
  "aws:cloudwatch/dashboard:Dashboard": {
    monthlyUsd: 3.0,
    unit: "dashboard",
    source: "https://aws.amazon.com/cloudwatch/pricing/",
    asOf: "2026-11-01",
    note: "the first three dashboards of an account are free; not deducted here",
  },
  "custom-metric": {
    monthlyUsd: 0.3,
    unit: "custom metric (first 10,000)",
    source: "https://aws.amazon.com/cloudwatch/pricing/",
    asOf: "2026-11-01",
    note: "one per distinct metric and dimension set an alarm watches",
  },
  "aws:athena/workgroup:Workgroup": {
    monthlyUsd: 0,
    unit: "workgroup",
    source: "https://aws.amazon.com/athena/pricing/",
    asOf: "2026-11-01",
    note: "queries cost $5 per TB scanned, bounded by the workgroup's cut-off",
  },
  "aws:cloudtrail/trail:Trail": {
    monthlyUsd: 0,
    unit: "trail",
    source: "https://aws.amazon.com/cloudtrail/pricing/",
    asOf: "2026-11-01",
    note: "first copy of management events is free; data events cost $0.10 per 100,000",
  },
};
