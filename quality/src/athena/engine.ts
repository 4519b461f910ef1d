import { GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, type AthenaClient } from "@aws-sdk/client-athena";
import { ATHENA } from "../dialect";
import type { SqlEngine } from "../judge";

/** The one method of the SDK client the engine uses, so tests can pass a recorded fake. */
export type AthenaSend = Pick<AthenaClient, "send">;

export interface AthenaEngineOptions {
  /** The product's own workgroup: it enforces the result location (the product's prefix) and encryption. */
  workGroup: string;
  database: string;
  /** Poll interval while a query runs. @default 1000 */
  pollMs?: number;
  /** Give up on one query after this long. @default 600000 */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Athena (engine 3, Trino) through the AWS SDK v3: start the query in the product's workgroup, wait for it, read
 * the rows. No ResultConfiguration is sent: the workgroup's enforced settings decide where results go.
 */
export class AthenaEngine implements SqlEngine {
  readonly dialect = ATHENA;
  /** Query execution ids, in order, for the run report. */
  readonly executions: string[] = [];

  constructor(private readonly client: AthenaSend, private readonly opts: AthenaEngineOptions) {}

  async query(sql: string): Promise<Record<string, unknown>[]> {
    const started = await this.client.send(new StartQueryExecutionCommand({
      QueryString: sql,
      WorkGroup: this.opts.workGroup,
      QueryExecutionContext: { Catalog: "AwsDataCatalog", Database: this.opts.database },
    }));
    const id = started.QueryExecutionId;
    if (!id) throw new Error("Athena returned no query execution id");
    this.executions.push(id);
    await this.wait(id);
    return this.rows(id);
  }

  private async wait(id: string): Promise<void> {
    const sleep = this.opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const deadline = Date.now() + (this.opts.timeoutMs ?? 600_000);
    for (;;) {
      const { QueryExecution } = await this.client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
      const state = QueryExecution?.Status?.State;
      if (state === "SUCCEEDED") return;
      if (state === "FAILED" || state === "CANCELLED") {
        throw new Error(`Athena query ${id} ${state.toLowerCase()}: ${QueryExecution?.Status?.StateChangeReason ?? QueryExecution?.Status?.AthenaError?.ErrorMessage ?? "no reason given"}`);
      }
      if (Date.now() > deadline) throw new Error(`Athena query ${id} still ${state ?? "unknown"} after ${(this.opts.timeoutMs ?? 600_000) / 1000} s`);
      await sleep(this.opts.pollMs ?? 1000);
    }
  }

  /** Every page of results; the first row of a SELECT's result set repeats the column names and is skipped. */
  private async rows(id: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let token: string | undefined;
    let first = true;
    do {
      const page = await this.client.send(new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: token }));
      const names = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => c.Name ?? c.Label ?? "");
      const rows = page.ResultSet?.Rows ?? [];
      rows.forEach((row, i) => {
        const values = (row.Data ?? []).map((d) => (d.VarCharValue === undefined ? null : d.VarCharValue));
        if (first && i === 0 && values.every((v, k) => v === names[k])) return;
        out.push(Object.fromEntries(names.map((n, k) => [n, values[k] ?? null])));
      });
      first = false;
      token = page.NextToken;
    } while (token);
    return out;
  }
}
