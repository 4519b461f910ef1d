// Runs in a worker thread (see isolated-load.ts): writes a generated mesh root, loads and resolves every stack of
// it, and reports what happened as plain data. A case that hangs can only be stopped by terminating the thread.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { parse } from "yaml";
import { resolveDomainStack } from "../../../components/src/blueprint/resolve";
import { resolvePlatformStack } from "../../../components/src/blueprint/resolve-platform";
import { ConfigError, ConfigErrors } from "../../../components/src/config/errors";
import { loadMesh } from "../../../components/src/config/load-mesh";
import type { MeshModel } from "../../../components/src/config/model";
import { odcsSchemaProblems } from "../../../components/src/contract/odcs-schema";
import { writeMeshRoot } from "./mesh-files";
import type { MeshFiles } from "./mesh-model";
import { NameClaims } from "./name-claims";

export interface ReportedConfigError {
  file: string;
  field: string;
  problem: string;
  message: string;
  /** Whether `file` exists in the mesh root the case wrote. */
  exists: boolean;
  /** For a problem that says a field "is required": whether the file has that field after all. */
  fieldPresent?: boolean;
}

export type Verdict =
  | { kind: "ok"; stacks: number; names: number; problems: string[]; ms: number }
  | { kind: "config"; errors: ReportedConfigError[]; aggregate: boolean; message: string; ms: number }
  | { kind: "crash"; name: string; message: string; stack: string; ms: number }
  | { kind: "timeout"; ms: number };

export interface LoadRequest {
  id: number;
  files: MeshFiles;
}

const root: string = workerData.root;

/** Every physical name the Names class gives each stack of the mesh, checked for validity and collisions. */
function claimNames(mesh: MeshModel): { stacks: number; claims: NameClaims } {
  const claims = new NameClaims();
  let stacks = 0;
  for (const domain of mesh.domains) {
    for (const env of Object.keys(domain.config.environments)) {
      const spec = resolveDomainStack(mesh, domain.name, env);
      stacks++;
      const n = spec.names;
      const acct = `account ${spec.account}`;
      const regional = `${acct} ${spec.region}`;
      const me = `${domain.name}-${env}`;
      const cluster = mesh.config.environments[env]!.eksOidcIssuer ?? `no cluster ${env}`;
      claims.claim("kmsAlias", regional, n.kmsAlias(), me);
      claims.claim("glue", regional, n.glueDatabase(), me);
      claims.claim("snsTopic", regional, n.alertTopic(), me);
      claims.claim("cloudwatchDashboard", acct, n.dashboard(), me);
      claims.claim("athenaWorkgroup", regional, n.athenaWorkgroup(), me);
      claims.claim("s3Bucket", "", n.queryResultsBucket(), `${me} query results`);
      claims.claim("iamPolicy", acct, n.permissionsBoundary(), me);
      claims.claim("s3Bucket", "", n.accessLogBucket(), `access logs of ${env} in ${spec.account} ${spec.region}`);
      if (spec.kubernetes) claims.claim("k8sName", cluster, n.namespace(), me);
      for (const p of spec.products) {
        const owner = `${me}/${p.name}`;
        claims.claim("s3Bucket", "", n.productBucket(p.name), owner);
        claims.claim("iamRole", acct, n.producerRole(p.name), owner);
        // An inline policy's name only has to be unique on its role.
        claims.claim("iamPolicy", `role ${n.producerRole(p.name)}`, n.producerPolicy(p.name), owner);
        claims.claim("athenaWorkgroup", regional, n.productWorkgroup(p.name), owner);
        claims.claim("logGroup", regional, n.logGroup(p.name), owner);
        claims.claim("cloudwatchAlarm", regional, n.alarm(p.name, "freshness"), `${owner} freshness`);
        claims.claim("cloudwatchAlarm", regional, n.alarm(p.name, "quality"), `${owner} quality`);
        for (const port of p.ports) claims.claim("glue", `database ${n.glueDatabase()}`, port.table, `${owner}/${port.name}`);
        if (spec.kubernetes) {
          const ns = `${cluster} namespace ${n.namespace()}`;
          claims.claim("k8sName", ns, n.serviceAccount(p.name), owner);
          claims.claim("k8sCronJob", ns, n.cronJob(p.name, "pipeline"), `${owner} pipeline`);
          claims.claim("k8sCronJob", ns, n.cronJob(p.name, "quality"), `${owner} quality`);
        }
        // A consumer names its producer's bucket: the same name the producer's stack claims for it.
        for (const input of p.inputs) {
          const [producerDomain, producer] = input.from.split("/");
          claims.claim("s3Bucket", "", input.bucket, `${producerDomain}-${env}/${producer}`);
        }
      }
    }
  }
  for (const env of Object.keys(mesh.config.environments)) {
    const platform = resolvePlatformStack(mesh, env);
    stacks++;
    for (const b of platform.logBuckets) claims.claim("s3Bucket", "", b.name, `access logs of ${env} in ${b.account} ${b.region}`);
    claims.claim("s3Bucket", "", platform.catalogBucket, `platform-${env} catalog`);
  }
  return { stacks, claims };
}

/** Whether the YAML file has a value at `field` (`a.b[0].c`). */
function hasField(file: string, field: string): boolean | undefined {
  try {
    let value: unknown = parse(readFileSync(join(root, file), "utf8"));
    for (const part of field.match(/[^.[\]]+/g) ?? []) {
      if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, part)) return false;
      value = (value as Record<string, unknown>)[part];
    }
    return true;
  } catch {
    return undefined;
  }
}

function reported(e: ConfigError): ReportedConfigError {
  const exists = e.file !== "" && existsSync(join(root, e.file));
  const out: ReportedConfigError = { file: e.file, field: e.field, problem: e.problem, message: e.message, exists };
  if (exists && /^is required/.test(e.problem) && statSync(join(root, e.file)).isFile()) out.fieldPresent = hasField(e.file, e.field);
  return out;
}

function run(files: MeshFiles): Verdict {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    writeMeshRoot(root, files);
    const mesh = loadMesh(root);
    const { stacks, claims } = claimNames(mesh);
    return { kind: "ok", stacks, names: claims.count, problems: claims.problems, ms: ms() };
  } catch (e) {
    if (e instanceof ConfigErrors) return { kind: "config", errors: e.errors.map(reported), aggregate: true, message: e.message, ms: ms() };
    if (e instanceof ConfigError) return { kind: "config", errors: [reported(e)], aggregate: false, message: e.message, ms: ms() };
    const err = e as Error;
    return { kind: "crash", name: err?.name ?? typeof e, message: String(err?.message ?? e), stack: String(err?.stack ?? ""), ms: ms() };
  }
}

parentPort!.on("message", (req: LoadRequest) => parentPort!.postMessage({ id: req.id, verdict: run(req.files) }));
// Compile the ODCS schema (~100 ms) before the first case's time budget starts.
odcsSchemaProblems({});
parentPort!.postMessage({ ready: true });
