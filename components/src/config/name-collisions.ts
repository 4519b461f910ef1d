import { Names } from "../naming/names";
import { ConfigError } from "./errors";
import { type MeshModel, servedPorts } from "./model";

/**
 * Where a service keeps a name unique. S3 bucket names are unique across all of AWS; IAM names and dashboards
 * within an account; KMS aliases, Glue databases, SNS topics, log groups, Athena workgroups and alarms within an
 * account and region; Glue tables within their database; Kubernetes namespaces within a cluster and namespaced
 * objects within their namespace.
 */
type Scope = { key: string; text: string };

const everywhere: Scope = { key: "global", text: "across all of AWS" };
const account = (a: string): Scope => ({ key: `account ${a}`, text: `in account ${a}` });
const regional = (a: string, r: string): Scope => ({ key: `account ${a} ${r}`, text: `in account ${a} ${r}` });

/** One physical name a stack would create, who creates it, and the file and field that decide it. */
interface Claim {
  kind: string;
  scope: Scope;
  name: string;
  /** `domain/product in env`, `platform of env`: what a user recognises. */
  owner: string;
  file: string;
  field: string;
}

/**
 * Every physical name the mesh's stacks would create, in every environment: the platform stacks' first (the
 * domain is the one to rename when a domain takes a platform name), then each domain stack's.
 */
export function meshNameClaims(mesh: MeshModel): Claim[] {
  const claims: Claim[] = [];
  const envs = Object.keys(mesh.config.environments);
  for (const env of envs) claims.push(...platformClaims(mesh, env));
  for (const env of envs) {
    for (const domain of mesh.domains) claims.push(...domainClaims(mesh, domain, env));
  }
  return claims;
}

function platformClaims(mesh: MeshModel, env: string): Claim[] {
  const meshEnv = mesh.config.environments[env]!;
  const owner = `platform of ${env}`;
  const at = { owner, file: "mesh.yaml", field: `environments.${env}` };
  const home = new Names({ prefix: mesh.config.prefix, env, domain: "platform", account: meshEnv.account, region: meshEnv.region });
  const claims: Claim[] = [
    { kind: "S3 bucket", scope: everywhere, name: home.productBucket("catalog"), ...at },
    { kind: "S3 bucket", scope: everywhere, name: home.accessLogBucket(), ...at },
    // A multi-region trail has a shadow in every region, so its name is taken in the whole account.
    { kind: "CloudTrail trail", scope: account(meshEnv.account), name: home.auditTrail(), ...at },
  ];
  // One access-log bucket per account and region a domain of this environment deploys to.
  for (const domain of mesh.domains) {
    const e = domain.config.environments[env];
    if (!e) continue;
    const names = new Names({ prefix: mesh.config.prefix, env, domain: domain.name, account: e.account, region: e.region });
    claims.push({ kind: "S3 bucket", scope: everywhere, name: names.accessLogBucket(), ...at });
  }
  return claims;
}

function domainClaims(mesh: MeshModel, domain: MeshModel["domains"][number], env: string): Claim[] {
  const e = domain.config.environments[env];
  if (!e) return [];
  const meshEnv = mesh.config.environments[env]!;
  const names = new Names({ prefix: mesh.config.prefix, env, domain: domain.name, account: e.account, region: e.region });
  const acct = account(e.account);
  const here = regional(e.account, e.region);
  const cluster = e.kubernetes && meshEnv.eksOidcIssuer ? meshEnv.eksOidcIssuer : undefined;
  const namespace: Scope | undefined = cluster ? { key: `cluster ${cluster} namespace ${names.namespace()}`, text: `in namespace ${names.namespace()} of cluster ${cluster}` } : undefined;
  const at = { owner: `domain ${domain.name} in ${env}`, file: `${domain.dir}/domain.yaml`, field: "name" };
  const claims: Claim[] = [
    { kind: "S3 bucket", scope: everywhere, name: names.queryResultsBucket(), ...at, owner: `query results of domain ${domain.name} in ${env}` },
    { kind: "KMS alias", scope: here, name: names.kmsAlias(), ...at },
    { kind: "Glue database", scope: here, name: names.glueDatabase(), ...at },
    { kind: "SNS topic", scope: here, name: names.alertTopic(), ...at },
    { kind: "CloudWatch dashboard", scope: acct, name: names.dashboard(), ...at },
    { kind: "Athena workgroup", scope: here, name: names.athenaWorkgroup(), ...at },
    { kind: "IAM policy", scope: acct, name: names.permissionsBoundary(), ...at },
  ];
  if (cluster) claims.push({ kind: "Kubernetes namespace", scope: { key: `cluster ${cluster}`, text: `on cluster ${cluster}` }, name: names.namespace(), ...at });
  const database: Scope = { key: `${here.key} glue ${names.glueDatabase()}`, text: `in Glue database ${names.glueDatabase()} (account ${e.account} ${e.region})` };
  for (const product of domain.products) {
    const p = { owner: `${domain.name}/${product.name} in ${env}`, file: `${product.dir}/product.yaml`, field: "(product folder name)" };
    const role = names.producerRole(product.name);
    claims.push(
      { kind: "S3 bucket", scope: everywhere, name: names.productBucket(product.name), ...p },
      { kind: "IAM role", scope: acct, name: role, ...p },
      { kind: "IAM inline policy", scope: { key: `${acct.key} role ${role}`, text: `on role ${role}` }, name: names.producerPolicy(product.name), ...p },
      // The product's own workgroup (`<domain workgroup>-<product>`) can meet another domain's.
      { kind: "Athena workgroup", scope: here, name: names.productWorkgroup(product.name), ...p },
      { kind: "CloudWatch log group", scope: here, name: names.logGroup(product.name), ...p },
      { kind: "CloudWatch alarm", scope: here, name: names.alarm(product.name, "freshness"), ...p },
      { kind: "CloudWatch alarm", scope: here, name: names.alarm(product.name, "quality"), ...p },
    );
    if (namespace) {
      claims.push(
        { kind: "Kubernetes service account", scope: namespace, name: names.serviceAccount(product.name), ...p },
        { kind: "Kubernetes CronJob", scope: namespace, name: names.cronJob(product.name, "pipeline"), ...p },
        { kind: "Kubernetes CronJob", scope: namespace, name: names.cronJob(product.name, "quality"), ...p },
      );
    }
    // Every served major: the current contract's output ports, and each older major kept beside them.
    for (const s of servedPorts(product)) {
      const current = s.contract === product.contract;
      const where = current ? { file: p.file, field: `outputPorts[${product.config.outputPorts.indexOf(s.port)}]` } : { file: s.contract.file, field: "schema" };
      claims.push({ kind: "Glue table", scope: database, name: names.glueTable(s.port, s.major), owner: `${domain.name}/${product.name}/${s.port}${current ? "" : `@${s.major}`} in ${env}`, ...where });
      if (!current) claims.push({ kind: "CloudWatch alarm", scope: here, name: names.alarm(product.name, `${s.port}-v${s.major}-freshness`), owner: `${domain.name}/${product.name}/${s.port}@${s.major} in ${env}`, ...where });
    }
  }
  return claims;
}

/**
 * Two owners (products, ports, domains, platforms of any environments) that would create one physical name are a
 * config error, found before any plan: the second deploy would fail, or worse, adopt the other's resource. The
 * whole mesh is checked at once, every environment against every other, each name in its service's own scope.
 * The error names the file and field of the owner claimed second.
 */
export function checkNameCollisions(mesh: MeshModel): void {
  const seen = new Map<string, Claim>();
  for (const claim of meshNameClaims(mesh)) {
    const key = `${claim.kind}|${claim.scope.key}|${claim.name}`;
    const other = seen.get(key);
    if (!other) {
      seen.set(key, claim);
      continue;
    }
    if (other.owner === claim.owner) continue;
    const where = other.file === claim.file ? "" : ` (declared in ${other.file})`;
    throw new ConfigError(claim.file, claim.field, `${claim.owner} and ${other.owner}${where} would both be named ${claim.name} (${claim.kind}, unique ${claim.scope.text}); rename one of them`);
  }
}
