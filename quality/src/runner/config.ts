import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FreshnessSla, PortShape, RuleInput } from "../model";

/** What the quality CronJob hands the runner: environment variables and the rules ConfigMap (see components/src/kubernetes/workloads.ts). */
export interface RunnerConfig {
  region: string;
  domain: string;
  product: string;
  env: string;
  bucket: string;
  database: string;
  workGroup: string;
  logGroup: string;
  contractVersion: string;
  rules: RuleInput[];
  ports: (PortShape & { table: string; prefix: string })[];
  sla?: FreshnessSla;
}

export const ENV = {
  region: "AWS_REGION",
  domain: "DATAMESH_DOMAIN",
  product: "DATAMESH_PRODUCT",
  env: "DATAMESH_ENV",
  bucket: "DATAMESH_BUCKET",
  database: "DATAMESH_GLUE_DATABASE",
  workGroup: "DATAMESH_ATHENA_WORKGROUP",
  logGroup: "DATAMESH_LOG_GROUP",
} as const;

/** A runner input that is missing or malformed: the job fails at once with this one line, before any query. */
export class RunnerConfigError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = "RunnerConfigError";
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new RunnerConfigError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); mount the product's quality ConfigMap`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RunnerConfigError(file, `is not JSON: ${(e as Error).message}`);
  }
}

/** Reads the environment and `rules.json` + `ports.json` (beside it) into the runner's configuration. */
export function readRunnerConfig(rulesFile: string, environment: NodeJS.ProcessEnv): RunnerConfig {
  const env = {} as Record<keyof typeof ENV, string>;
  for (const [key, name] of Object.entries(ENV) as [keyof typeof ENV, string][]) {
    const v = environment[name];
    if (!v) throw new RunnerConfigError(`environment variable ${name}`, "is not set; the quality CronJob sets it");
    env[key] = v;
  }
  const rulesDoc = readJson(rulesFile) as { contractVersion?: unknown; rules?: unknown; sla?: unknown };
  if (!rulesDoc || !Array.isArray(rulesDoc.rules)) throw new RunnerConfigError(rulesFile, "needs a `rules` array");
  rulesDoc.rules.forEach((r: Record<string, unknown>, i: number) => {
    if (typeof r?.port !== "string" || typeof r?.name !== "string" || typeof r?.rule !== "object" || r.rule === null) {
      throw new RunnerConfigError(rulesFile, `rules[${i}] needs port, name and rule`);
    }
  });
  const portsFile = join(dirname(rulesFile), "ports.json");
  const ports = readJson(portsFile) as RunnerConfig["ports"];
  if (!Array.isArray(ports) || ports.some((p) => typeof p?.name !== "string" || typeof p?.table !== "string" || !Array.isArray(p?.columns))) {
    throw new RunnerConfigError(portsFile, "must be a list of ports with name, table and columns");
  }
  const sla = rulesDoc.sla as FreshnessSla | undefined;
  if (sla !== undefined && !(typeof sla.latencySeconds === "number" && sla.latencySeconds > 0)) throw new RunnerConfigError(rulesFile, "sla.latencySeconds must be a positive number");
  return {
    ...env,
    contractVersion: String(rulesDoc.contractVersion ?? ""),
    rules: (rulesDoc.rules as Record<string, unknown>[]).map((r) => ({
      port: r.port as string,
      field: typeof r.field === "string" ? r.field : undefined,
      name: r.name as string,
      severity: typeof r.severity === "string" ? r.severity : "error",
      dimension: typeof r.dimension === "string" ? r.dimension : undefined,
      rule: r.rule as Record<string, unknown>,
    })),
    ports: ports.map((p) => ({ ...p, partitionKeys: p.partitionKeys ?? [] })),
    sla,
  };
}
