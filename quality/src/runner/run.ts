import { CreateLogStreamCommand, PutLogEventsCommand, type CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { AthenaEngine, type AthenaSend } from "../athena/engine";
import { compileRules, type Relations } from "../compile";
import { ATHENA, quoteIdent } from "../dialect";
import { emfRecords } from "../emf";
import { runChecks } from "../judge";
import type { RunReport } from "../model";
import type { RunnerConfig } from "./config";

/** Where the runner writes its reports in the product bucket; the catalog reads them from here. */
export const REPORT_PREFIX = "_quality/reports/";

export interface RunnerClients {
  athena: AthenaSend;
  logs: Pick<CloudWatchLogsClient, "send">;
  s3: Pick<S3Client, "send">;
}

export interface RunnerOutcome {
  report: RunReport;
  reportKey: string;
  logStream: string;
  /** 0: every error-severity check passed; 3: one failed (the job fails, and the alarm fires from the metric). */
  exitCode: number;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, "-");
}

/**
 * One scheduled run: compile the ConfigMap's rules for Athena, run them in the product's workgroup on its Glue
 * tables, publish EMF records to the product's log group, write the JSON report to the product bucket.
 */
export async function runQuality(config: RunnerConfig, clients: RunnerClients, opts: { now?: () => number; pollMs?: number; sleep?: (ms: number) => Promise<void> } = {}): Promise<RunnerOutcome> {
  const now = opts.now ?? Date.now;
  const tableOf = new Map(config.ports.map((p) => [p.name, p.table]));
  const relations: Relations = {
    data: (port) => `${quoteIdent(config.database)}.${quoteIdent(tableOf.get(port)!)}`,
    columnsOf: (port) => ({ schema: config.database, table: tableOf.get(port)! }),
  };
  const checks = compileRules(config.ports, config.rules, ATHENA, relations, { freshness: config.sla });
  const engine = new AthenaEngine(clients.athena, { workGroup: config.workGroup, database: config.database, pollMs: opts.pollMs, sleep: opts.sleep });
  const sources = Object.fromEntries(config.ports.map((p) => [p.name, `${config.database}.${p.table}`]));
  const report = await runChecks(checks, engine, { product: `${config.domain}/${config.product}`, sources, now });

  const at = now();
  const logStream = `quality/${stamp(at)}`;
  await clients.logs.send(new CreateLogStreamCommand({ logGroupName: config.logGroup, logStreamName: logStream }));
  const events = emfRecords(report, { domain: config.domain, product: config.product }, at).map((r) => ({ timestamp: at, message: JSON.stringify(r) }));
  // PutLogEvents takes at most 10,000 events per call.
  for (let i = 0; i < events.length; i += 10_000) {
    await clients.logs.send(new PutLogEventsCommand({ logGroupName: config.logGroup, logStreamName: logStream, logEvents: events.slice(i, i + 10_000) }));
  }

  const reportKey = `${REPORT_PREFIX}${stamp(at)}.json`;
  const body = JSON.stringify({ ...report, domain: config.domain, env: config.env, contractVersion: config.contractVersion, athenaQueryIds: engine.executions }, null, 2);
  await clients.s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: reportKey, Body: body, ContentType: "application/json" }));
  return { report, reportKey, logStream, exitCode: report.ok ? 0 : 3 };
}
