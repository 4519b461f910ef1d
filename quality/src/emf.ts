import type { CheckResult, RunReport } from "./model";

/**
 * CloudWatch embedded metric format (EMF) records of a run, as the alarms of components/src/aws/monitoring.ts read
 * them: namespace `DataMesh`, dimensions Domain and Product. One record per check (metric `QualityCheckFailed`,
 * 1 or 0, plus the measured value, with the check as a third dimension) and one total `QualityChecksFailed`
 * record, the metric the quality alarm watches with the dimension set {Domain, Product} exactly.
 */
export const NAMESPACE = "DataMesh";
export const TOTAL_METRIC = "QualityChecksFailed";
export const CHECK_FAILED_METRIC = "QualityCheckFailed";
export const CHECK_VALUE_METRIC = "QualityCheckValue";
export const FRESHNESS_METRIC = "DataAgeSeconds";

export type EmfRecord = Record<string, unknown> & { _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit?: string }[] }[] } };

/** Counts toward the alarm: an error-severity check that failed or could not run. Warnings are reported, not alarmed. */
function alarmed(r: CheckResult): boolean {
  return r.severity === "error" && (r.status === "fail" || r.status === "error");
}

export function emfRecords(report: RunReport, scope: { domain: string; product: string }, timestamp: number): EmfRecord[] {
  const records: EmfRecord[] = [];
  for (const r of report.results) {
    if (r.status === "skipped") continue;
    const metrics: { Name: string; Unit?: string }[] = [{ Name: CHECK_FAILED_METRIC, Unit: "Count" }];
    const values: Record<string, number> = { [CHECK_FAILED_METRIC]: r.status === "pass" ? 0 : 1 };
    if (r.measured !== null) {
      const name = r.kind === "freshness" ? FRESHNESS_METRIC : CHECK_VALUE_METRIC;
      metrics.push({ Name: name, Unit: r.unit === "percent" ? "Percent" : r.unit === "seconds" ? "Seconds" : "Count" });
      values[name] = r.measured;
    }
    records.push({
      _aws: { Timestamp: timestamp, CloudWatchMetrics: [{ Namespace: NAMESPACE, Dimensions: [["Domain", "Product", "Check"]], Metrics: metrics }] },
      Domain: scope.domain,
      Product: scope.product,
      Check: r.id.slice(0, 1024),
      ...values,
      severity: r.severity,
      status: r.status,
      threshold: r.threshold,
      detail: r.detail,
    });
  }
  records.push({
    _aws: { Timestamp: timestamp, CloudWatchMetrics: [{ Namespace: NAMESPACE, Dimensions: [["Domain", "Product"]], Metrics: [{ Name: TOTAL_METRIC, Unit: "Count" }] }] },
    Domain: scope.domain,
    Product: scope.product,
    [TOTAL_METRIC]: report.results.filter(alarmed).length,
    checks: report.summary.checks,
    skipped: report.summary.skipped,
  });
  return records;
}
