import type { CheckResult, RunReport } from "./model";

const STATUS: Record<CheckResult["status"], string> = { pass: "PASS", fail: "FAIL", skipped: "SKIP", error: "ERROR" };

function where(r: CheckResult): string {
  return r.field ? `${r.port}.${r.field}` : r.port;
}

function measured(r: CheckResult): string {
  if (r.measured === null) return "-";
  const v = Number.isInteger(r.measured) ? String(r.measured) : r.measured.toFixed(2);
  const unit = r.unit === "percent" ? " %" : r.unit === "seconds" ? " s" : r.unit === "columns" ? ` column${r.measured === 1 ? "" : "s"}` : "";
  return `${v}${unit}`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

/** One line per check (status, severity, rule, field, measured value, threshold, why), then the verdict. */
export function renderReport(report: RunReport, title: string): string {
  const rows = report.results.map((r) => [STATUS[r.status], r.severity, where(r), r.name, measured(r), r.threshold ?? "", r.detail ?? ""]);
  const head = ["", "severity", "field", "rule", "measured", "threshold", ""];
  const widths = head.map((_, i) => Math.max(head[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join("  ").trimEnd();
  const s = report.summary;
  const verdict = report.ok
    ? `OK: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.failedWarnings > 0 ? ` (${s.failedWarnings} warning${s.failedWarnings === 1 ? "" : "s"} do not fail the run)` : ""}`
    : `FAILED: ${s.failedErrors} error-severity check${s.failedErrors === 1 ? "" : "s"} failed (${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped)`;
  return [title, line(head), ...rows.map(line), verdict].join("\n");
}
