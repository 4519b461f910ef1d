import type { Threshold } from "./threshold";

/** One quality rule as the blueprint ships it in the quality CronJob's ConfigMap (rules.json) and `mesh test` reads it from the contract. */
export interface RuleInput {
  port: string;
  /** The property the rule is declared on; absent for schema-level (object) rules. */
  field?: string;
  name: string;
  severity: string;
  dimension?: string;
  /** The ODCS quality entry as written in the contract. */
  rule: Record<string, unknown>;
}

/** One output port as the rules see it: its columns (partition keys included) with their Glue types. */
export interface PortShape {
  name: string;
  columns: { name: string; type: string }[];
  /** Partition columns, in order (the newest partition measures freshness when the SLA names no element). */
  partitionKeys: string[];
}

/** The latency SLA: data is at most `latencySeconds` old, measured on `element` (`object.property`) when given. */
export interface FreshnessSla {
  latencySeconds: number;
  element?: string;
}

export type CheckKind = "nullValues" | "missingValues" | "invalidValues" | "duplicateValues" | "rowCount" | "sql" | "schema" | "freshness" | "text" | "custom";

export type Severity = "error" | "warning" | "info";

/** A rule compiled for one engine: the SQL to run and how to judge its result, or why it is skipped. */
export interface Check {
  /** Unique within a run: `<port>[.<field>]:<name>`. */
  id: string;
  port: string;
  field?: string;
  name: string;
  kind: CheckKind;
  severity: Severity;
  dimension?: string;
  unit?: "rows" | "percent";
  threshold?: Threshold;
  /** One query; its first row's first column is the measured value (schema: one row per column). */
  sql?: string;
  /** Set when the check is not executed: the reason is reported, and the check never counts as passed. */
  skipped?: string;
  /** Set when the check runs and its value is reported, but it is not judged here (row counts of sample data): the reason. */
  notJudged?: string;
  /** Schema checks: the contract's columns and types. */
  expectedColumns?: { name: string; type: string }[];
  /** Freshness checks: the SLA in seconds. */
  latencySeconds?: number;
  /** Freshness checks on a date partition: the newest partition covers its whole day. */
  measuredOn?: "timestamp" | "date";
}

export type Status = "pass" | "fail" | "skipped" | "error";

/** What one check measured and how it was judged. */
export interface CheckResult extends Pick<Check, "id" | "port" | "field" | "name" | "kind" | "severity" | "dimension" | "sql"> {
  status: Status;
  /** The measured value (null when skipped or when the query failed). */
  measured: number | null;
  unit?: "rows" | "percent" | "seconds" | "columns";
  /** The threshold as a person reads it, e.g. "≤ 0". */
  threshold?: string;
  /** Why it failed, was skipped or errored, in a sentence; for schema checks, the columns that do not conform. */
  detail?: string;
  durationMs: number;
}

export interface RunReport {
  product: string;
  engine: "duckdb" | "athena";
  startedAt: string;
  finishedAt: string;
  /** Data the run read: files for a local run, tables for the scheduled one. */
  sources: Record<string, string>;
  summary: { checks: number; passed: number; failed: number; failedErrors: number; failedWarnings: number; skipped: number; errored: number };
  /** True when no error-severity check failed (warnings never fail a run). */
  ok: boolean;
  results: CheckResult[];
}
