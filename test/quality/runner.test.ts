import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import type { ManifestResource } from "../../cli/src/plan/manifest";
import { readRunnerConfig, type RunnerConfig } from "../../quality/src/runner/config";
import { runQuality, type RunnerOutcome } from "../../quality/src/runner/run";
import { evaluate } from "../helpers/iam-sim";
import { byType, one, policyOf, recordingRuntime, settle } from "../helpers/mock-runtime";
import { REPO } from "../helpers/fixture";

/**
 * The scheduled runner against the blueprint it runs in: the root mesh's orders domain (dev, Kubernetes on) is
 * declared on the mock runtime; the runner reads that plan's quality ConfigMap and CronJob environment, runs on
 * recorded fake AWS clients, and every call it made (and every call Athena makes with its credentials) is
 * evaluated against the producer role's planned policy and boundary with an IAM policy simulator.
 */
let resources: ManifestResource[];

beforeAll(async () => {
  const recorder = await recordingRuntime("orders-dev");
  const { loadMesh, resolveDomainStack, Domain } = await import("../../components/src");
  new Domain("orders", { spec: resolveDomainStack(loadMesh(REPO), "orders", "dev") });
  await settle();
  resources = recorder.resources;
});

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const PRODUCT = "order-lines";
// Names as docs/platform-team.md spells them: <prefix>-<env>-<domain>[-<product>].
const WORKGROUP = "shopwave-dev-orders-order-lines";
const RESULTS_BUCKET = "shopwave-dev-orders-query-results";
const DATABASE = "shopwave_dev_orders";

interface Call {
  command: string;
  input: Record<string, any>;
}

/** Fake AWS clients that record every command and answer like the services do (Athena's first result row repeats the column names). */
function fakeClients(opts: { failing?: RegExp; nullsInSku?: string } = {}) {
  const calls: Call[] = [];
  const queries = new Map<string, string>();
  const polled = new Map<string, number>();
  const columns = (readFileSync(join(REPO, "domains/orders/products/order-lines/sample/order_lines.csv"), "utf8").split("\n")[0] ?? "").split(",");
  const types: Record<string, string> = { order_id: "varchar(20)", line_number: "smallint", customer_id: "varchar(36)", sku: "varchar(32)", quantity: "integer", currency: "char(3)", line_status: "varchar(16)", ordered_at: "timestamp(3)", updated_at: "timestamp(3)", order_date: "date" };
  const page = (names: string[], rows: (string | null)[][], next?: string) => ({
    ResultSet: { ResultSetMetadata: { ColumnInfo: names.map((n) => ({ Name: n, Label: n })) }, Rows: rows.map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) })) },
    NextToken: next,
  });
  const record = (c: { constructor: { name: string }; input: unknown }) => calls.push({ command: c.constructor.name.replace(/Command$/, ""), input: c.input as Record<string, any> });
  const athena = {
    send: async (c: any) => {
      record(c);
      switch (c.constructor.name) {
        case "StartQueryExecutionCommand": {
          const id = `q-${queries.size + 1}`;
          queries.set(id, c.input.QueryString);
          return { QueryExecutionId: id };
        }
        case "GetQueryExecutionCommand": {
          const n = (polled.get(c.input.QueryExecutionId) ?? 0) + 1;
          polled.set(c.input.QueryExecutionId, n);
          const sql = queries.get(c.input.QueryExecutionId)!;
          if (n === 1) return { QueryExecution: { Status: { State: "RUNNING" } } };
          if (opts.failing?.test(sql)) return { QueryExecution: { Status: { State: "FAILED", StateChangeReason: "TABLE_NOT_FOUND: line 1:22: Table does not exist" } } };
          return { QueryExecution: { Status: { State: "SUCCEEDED" } } };
        }
        case "GetQueryResultsCommand": {
          const sql = queries.get(c.input.QueryExecutionId)!;
          if (sql.includes("information_schema.columns")) {
            // Two pages, as Athena pages long results: the header row only on the first.
            const rows = columns.map((name) => [name, types[name] ?? "decimal(12,2)"]);
            if (!c.input.NextToken) return page(["column_name", "data_type"], [["column_name", "data_type"], ...rows.slice(0, 5)], "page-2");
            return page(["column_name", "data_type"], rows.slice(5));
          }
          if (sql.includes("CAST(MAX(")) return page(["measured"], [["measured"], ["2026-11-30 05:30:00.000"]]);
          if (sql.includes('"sku" IS NULL')) return page(["measured"], [["measured"], [opts.nullsInSku ?? "0"]]);
          if (sql.includes("COUNT(*) AS measured")) return page(["measured"], [["measured"], ["61234"]]);
          return page(["measured"], [["measured"], ["0"]]);
        }
      }
      throw new Error(`unexpected Athena command ${c.constructor.name}`);
    },
  };
  const logs = { send: async (c: any) => { record(c); return {}; } };
  const s3 = { send: async (c: any) => { record(c); return { ETag: '"etag"' }; } };
  return { clients: { athena, logs, s3 }, calls, queries };
}

function configMapFiles(): string {
  const cm = one(resources, "kubernetes:core/v1:ConfigMap", `${PRODUCT}-quality-rules`);
  const data = cm.inputs.data as Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), "rules-"));
  writeFileSync(join(dir, "rules.json"), data["rules.json"]!);
  writeFileSync(join(dir, "ports.json"), data["ports.json"]!);
  return join(dir, "rules.json");
}

function cronJobEnv(): NodeJS.ProcessEnv {
  const job = one(resources, "kubernetes:batch/v1:CronJob", `${PRODUCT}-quality`);
  const container = (job.inputs.spec as any).jobTemplate.spec.template.spec.containers[0];
  return Object.fromEntries((container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
}

async function run(opts: Parameters<typeof fakeClients>[0] = {}): Promise<{ outcome: RunnerOutcome; calls: Call[]; config: RunnerConfig; queries: Map<string, string> }> {
  const config = readRunnerConfig(configMapFiles(), cronJobEnv());
  const fake = fakeClients(opts);
  const outcome = await runQuality(config, fake.clients, { now: () => Date.parse("2026-11-30T06:00:00Z"), sleep: async () => {} });
  return { outcome, calls: fake.calls, config, queries: fake.queries };
}

describe("the quality runner on Athena, from the blueprint's ConfigMap and CronJob", () => {
  it("is scheduled with the image this repository builds (quality/package.json), from the product's own workgroup", () => {
    const version = JSON.parse(readFileSync(join(REPO, "quality/package.json"), "utf8")).version as string;
    const job = one(resources, "kubernetes:batch/v1:CronJob", `${PRODUCT}-quality`);
    const container = (job.inputs.spec as any).jobTemplate.spec.template.spec.containers[0];
    expect(container.image).toBe(`registry.shopwave.example/platform/quality-runner:${version}`);
    expect(container.args).toEqual(["--rules", "/etc/datamesh/rules/rules.json"]);
    expect(cronJobEnv().DATAMESH_ATHENA_WORKGROUP).toBe(WORKGROUP);
  });

  it("runs every rule as one query in the product's workgroup and database, in Trino SQL", async () => {
    const { calls, queries, outcome } = await run();
    const starts = calls.filter((c) => c.command === "StartQueryExecution");
    expect(starts.length).toBeGreaterThan(5);
    for (const s of starts) {
      expect(s.input.WorkGroup).toBe(WORKGROUP);
      expect(s.input.QueryExecutionContext).toEqual({ Catalog: "AwsDataCatalog", Database: DATABASE });
      // The workgroup enforces where results go: the runner never asks for another location.
      expect(s.input.ResultConfiguration).toBeUndefined();
    }
    const sql = [...queries.values()];
    expect(sql).toContain(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '${DATABASE}' AND table_name = 'order_lines_v1' ORDER BY ordinal_position`);
    expect(sql).toContain(`SELECT COUNT(*) AS measured FROM "${DATABASE}"."order_lines_v1"`);
    expect(sql.some((q) => q.includes(`"currency" IS NOT NULL AND (NOT (CAST("currency" AS VARCHAR) IN ('EUR', 'GBP', 'PLN', 'SEK')))`))).toBe(true);
    expect(sql).toContain(`SELECT CAST(MAX("updated_at") AS VARCHAR) AS measured FROM "${DATABASE}"."order_lines_v1"`);
    // One query per check: the contract's 7 rules, the schema check and freshness.
    expect(starts).toHaveLength(outcome.report.results.length);
    expect(outcome.report.results).toHaveLength(9);
  });

  it("reads paged results without the header row, judges them, and measures freshness from the latency SLA", async () => {
    const { outcome } = await run();
    const byId = Object.fromEntries(outcome.report.results.map((r) => [r.id, r]));
    expect(byId["order_lines:schema"]).toMatchObject({ status: "pass", measured: 0 });
    expect(byId["order_lines:rowCount"]).toMatchObject({ status: "pass", measured: 61234, threshold: "> 50000" });
    // Latency SLA 2 h on order_lines.updated_at; newest 05:30 at 06:00 is 1,800 s old.
    expect(byId["order_lines:freshness"]).toMatchObject({ status: "pass", measured: 1800, threshold: "≤ 7200 s", field: "updated_at" });
    expect(outcome.exitCode).toBe(0);
  });

  it("fails the run (exit 3) when an error rule fails, and reports a failed query as an error, never a pass", async () => {
    const { outcome } = await run({ nullsInSku: "3", failing: /"line_status"/ });
    const byId = Object.fromEntries(outcome.report.results.map((r) => [r.id, r]));
    expect(byId["order_lines.sku:nullValues"]).toMatchObject({ status: "fail", measured: 3 });
    expect(byId["order_lines.line_status:invalidValues"]).toMatchObject({ status: "error" });
    expect(byId["order_lines.line_status:invalidValues"]!.detail).toMatch(/TABLE_NOT_FOUND/);
    expect(outcome.exitCode).toBe(3);
  });

  it("publishes one EMF record per check and a QualityChecksFailed total that match the quality alarm and the EMF schema", async () => {
    const { calls, outcome } = await run({ nullsInSku: "3" });
    const put = calls.find((c) => c.command === "PutLogEvents")!;
    const logGroup = one(resources, "aws:cloudwatch/logGroup:LogGroup", `${PRODUCT}-logs`).inputs.name;
    expect(put.input.logGroupName).toBe(logGroup);
    const records = (put.input.logEvents as { message: string; timestamp: number }[]).map((e) => JSON.parse(e.message));
    expect(records).toHaveLength(outcome.report.results.length + 1);
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(REPO, "test/fixtures/emf/emf-schema.json"), "utf8")));
    for (const r of records) {
      expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
      // The specification's rules the schema cannot say: every reference is a root member; dimensions are strings, metrics numbers.
      for (const d of r._aws.CloudWatchMetrics) {
        for (const set of d.Dimensions) for (const key of set) expect(typeof r[key], key).toBe("string");
        expect(d.Metrics.length).toBeLessThanOrEqual(100);
        for (const m of d.Metrics) expect(typeof r[m.Name], m.Name).toBe("number");
      }
    }
    // The alarm watches namespace, metric and dimensions exactly; the total must be published on that dimension set.
    const alarm = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", `${PRODUCT}-quality`).inputs;
    const total = records.filter((r) => r._aws.CloudWatchMetrics.some((d: any) => d.Metrics.some((m: any) => m.Name === alarm.metricName)));
    expect(total).toHaveLength(1);
    const directive = total[0]._aws.CloudWatchMetrics[0];
    expect(directive.Namespace).toBe(alarm.namespace);
    expect(directive.Dimensions).toEqual([Object.keys(alarm.dimensions as object).sort()]);
    for (const [k, v] of Object.entries(alarm.dimensions as Record<string, string>)) expect(total[0][k]).toBe(v);
    expect(total[0][alarm.metricName as string]).toBe(1);
  });

  it("writes the run's JSON report to the product bucket", async () => {
    const { calls, outcome } = await run();
    const put = calls.find((c) => c.command === "PutObject")!;
    expect(put.input.Bucket).toBe("shopwave-dev-orders-order-lines");
    expect(put.input.Key).toBe(outcome.reportKey);
    const body = JSON.parse(put.input.Body);
    expect(body).toMatchObject({ product: "orders/order-lines", engine: "athena", ok: true, env: "dev" });
    expect(body.athenaQueryIds).toHaveLength(outcome.report.results.length);
  });

  it("needs no permission the producer role's planned policy and boundary do not grant", async () => {
    const { calls, config } = await run();
    const role = `arn:aws:iam::${ACCOUNT}:role/shopwave-dev-orders-order-lines`;
    const identity = [policyOf(one(resources, "aws:iam/rolePolicy:RolePolicy", `${PRODUCT}-producer-policy`))];
    const boundary = policyOf(one(resources, "aws:iam/policy:Policy", "orders-boundary"));
    const keyArn = (identity[0]!.Statement.find((s) => s.Sid === "UseDomainKey")!.Resource as string);
    const workgroup = byType(resources, "aws:athena/workgroup:Workgroup").find((w) => w.inputs.name === WORKGROUP)!;
    const output = ((workgroup.inputs.configuration as any).resultConfiguration.outputLocation as string).replace(/^s3:\/\//, "arn:aws:s3:::");
    expect(output).toBe(`arn:aws:s3:::${RESULTS_BUCKET}/${PRODUCT}/`);
    // KMS puts the key's aliases in the request context (kms:ResourceAliases); the boundary allows the domain's alias.
    const alias = one(resources, "aws:kms/alias:Alias", "orders-key-alias").inputs.name as string;
    const kms = { "kms:ResourceAliases": [alias] };
    const requests: { action: string; resource: string; context?: Record<string, string | string[]> }[] = [];
    for (const c of calls) {
      const wg = `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/${WORKGROUP}`;
      if (c.command === "StartQueryExecution") {
        requests.push({ action: "athena:StartQueryExecution", resource: wg });
        // What Athena does with the caller's credentials for each query (Athena user guide, "Access to Amazon S3"):
        // read the table's catalog entry and data, write <OutputLocation><QueryID>.csv and its metadata.
        requests.push(
          { action: "glue:GetDatabase", resource: `arn:aws:glue:${REGION}:${ACCOUNT}:database/${DATABASE}` },
          { action: "glue:GetTable", resource: `arn:aws:glue:${REGION}:${ACCOUNT}:table/${DATABASE}/order_lines_v1` },
          { action: "glue:GetPartitions", resource: `arn:aws:glue:${REGION}:${ACCOUNT}:table/${DATABASE}/order_lines_v1` },
          { action: "s3:ListBucket", resource: `arn:aws:s3:::${config.bucket}`, context: { "s3:prefix": "order_lines/v1/" } },
          { action: "s3:GetObject", resource: `arn:aws:s3:::${config.bucket}/order_lines/v1/order_date=2026-11-29/part-0.parquet` },
          { action: "s3:GetBucketLocation", resource: `arn:aws:s3:::${RESULTS_BUCKET}` },
          { action: "s3:ListBucketMultipartUploads", resource: `arn:aws:s3:::${RESULTS_BUCKET}` },
          { action: "s3:PutObject", resource: `${output}q-1.csv` },
          { action: "s3:PutObject", resource: `${output}q-1.csv.metadata` },
          { action: "s3:AbortMultipartUpload", resource: `${output}q-1.csv` },
          { action: "s3:ListMultipartUploadParts", resource: `${output}q-1.csv` },
          { action: "kms:GenerateDataKey", resource: keyArn, context: kms },
          { action: "kms:Decrypt", resource: keyArn, context: kms },
        );
      }
      if (c.command === "GetQueryExecution") requests.push({ action: "athena:GetQueryExecution", resource: wg });
      if (c.command === "GetQueryResults") requests.push({ action: "athena:GetQueryResults", resource: wg }, { action: "s3:GetObject", resource: `${output}q-1.csv` });
      if (c.command === "CreateLogStream") requests.push({ action: "logs:CreateLogStream", resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${c.input.logGroupName}:log-stream:${c.input.logStreamName}` });
      if (c.command === "PutLogEvents") requests.push({ action: "logs:PutLogEvents", resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${c.input.logGroupName}:log-stream:${c.input.logStreamName}` });
      if (c.command === "PutObject") requests.push({ action: "s3:PutObject", resource: `arn:aws:s3:::${c.input.Bucket}/${c.input.Key}` }, { action: "kms:GenerateDataKey", resource: keyArn, context: kms });
    }
    expect(new Set(calls.map((c) => c.command))).toEqual(new Set(["StartQueryExecution", "GetQueryExecution", "GetQueryResults", "CreateLogStream", "PutLogEvents", "PutObject"]));
    // The resource side as planned: the domain key's policy, and each bucket's policy (TLS only, organisation only).
    const keyPolicy = policyOf(one(resources, "aws:kms/key:Key", "orders-key"));
    const bucketPolicies = new Map(byType(resources, "aws:s3/bucketPolicy:BucketPolicy").map((b) => [String(b.inputs.bucket), policyOf(b)]));
    const resourcePolicyOf = (arn: string) => (arn.startsWith("arn:aws:kms:") ? keyPolicy : arn.startsWith("arn:aws:s3:::") ? bucketPolicies.get(arn.slice(13).split("/")[0]!) : undefined);
    const context = { "aws:PrincipalOrgID": "o-7x2k9q4m1p", "aws:PrincipalArn": role, "aws:PrincipalAccount": ACCOUNT };
    expect(bucketPolicies.has(RESULTS_BUCKET)).toBe(true);
    const denied: string[] = [];
    const seen = new Set<string>();
    for (const r of requests) {
      const key = `${r.action} ${r.resource}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const result = await evaluate({ principal: role, ...r, context: { ...context, ...r.context } }, { identity, boundary, resourcePolicy: resourcePolicyOf(r.resource) });
      if (result !== "Allowed") denied.push(`${key}: ${result}`);
    }
    expect(seen.size).toBeGreaterThan(15);
    expect(denied).toEqual([]);
  });
});
