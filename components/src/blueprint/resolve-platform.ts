import { ConfigError } from "../config/errors";
import type { MeshModel } from "../config/model";
import { Names } from "../naming/names";

/** The shared pieces of one environment: Lake Formation settings and LF-tags, log buckets, the catalog bucket. */
export interface PlatformSpec {
  environment: string;
  production: boolean;
  prefix: string;
  organizationId: string;
  region: string;
  account: string;
  dataLakeAdminRoles: string[];
  /** One access-log bucket per account and region that domains of this environment deploy to. */
  logBuckets: { account: string; region: string; name: string }[];
  catalogBucket: string;
  /** Regions of the mesh (mesh.yaml allowedRegions): the CloudTrail evidence table projects over them. */
  regions: string[];
  /** Days access logs are kept: six years when any domain declares HIPAA, else 400 days. */
  logRetentionDays: number;
}

export function resolvePlatformStack(mesh: MeshModel, env: string): PlatformSpec {
  const meshEnv = mesh.config.environments[env];
  if (!meshEnv) {
    throw new ConfigError(`stacks/Pulumi.platform-${env}.yaml`, "config.mesh:env", `mesh.yaml declares no environment "${env}" (it has: ${Object.keys(mesh.config.environments).join(", ")})`);
  }
  const targets = new Map<string, { account: string; region: string; name: string }>();
  // The platform's own account and region always get one: the trail and the catalog bucket log there.
  const home = new Names({ prefix: mesh.config.prefix, env, domain: "platform", account: meshEnv.account, region: meshEnv.region });
  targets.set(`${meshEnv.account}/${meshEnv.region}`, { account: meshEnv.account, region: meshEnv.region, name: home.accessLogBucket() });
  for (const domain of mesh.domains) {
    const e = domain.config.environments[env];
    if (!e) continue;
    const names = new Names({ prefix: mesh.config.prefix, env, domain: domain.name, account: e.account, region: e.region });
    targets.set(`${e.account}/${e.region}`, { account: e.account, region: e.region, name: names.accessLogBucket() });
  }
  const platformNames = new Names({ prefix: mesh.config.prefix, env, domain: "platform", account: meshEnv.account, region: meshEnv.region });
  return {
    environment: env,
    production: meshEnv.production,
    prefix: mesh.config.prefix,
    organizationId: mesh.config.organizationId,
    region: meshEnv.region,
    account: meshEnv.account,
    dataLakeAdminRoles: mesh.config.dataLakeAdmins.map((r) => `arn:aws:iam::${meshEnv.account}:role/${r}`),
    logBuckets: [...targets.values()].sort((a, b) => a.name.localeCompare(b.name)),
    catalogBucket: platformNames.productBucket("catalog"),
    regions: mesh.config.allowedRegions,
    logRetentionDays: mesh.domains.some((d) => d.config.compliance.includes("hipaa") && d.config.environments[env]) ? 2192 : 400,
  };
}
