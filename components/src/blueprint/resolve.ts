import { ConfigError } from "../config/errors";
import { type DomainModel, type MeshModel, type ProductModel, servedPorts } from "../config/model";
import { needsPerimeter, roleAccount } from "../config/perimeter";
import { PORT_REF } from "../config/product";
import { maxClassification } from "../contract/classification";
import { Names } from "../naming/names";
import { qualityRunnerImage } from "../quality-runner";
import type { DataProductSpec, DomainSpec, InputRead, OutputPortSpec } from "./spec";

function namesFor(mesh: MeshModel, domain: DomainModel, env: string): Names | undefined {
  const e = domain.config.environments[env];
  if (!e) return undefined;
  return new Names({ prefix: mesh.config.prefix, env, domain: domain.name, account: e.account, region: e.region });
}

function portPrefix(port: string, major: number): string {
  return `${port}/v${major}/`;
}

function resolveProduct(mesh: MeshModel, domain: DomainModel, product: ProductModel, env: string, names: Names): DataProductSpec {
  // The current major's ports first (their order is the released one), then each older major still served.
  const ports: OutputPortSpec[] = servedPorts(product).map((s) => ({
    name: s.port,
    major: s.major,
    table: names.glueTable(s.port, s.major),
    prefix: portPrefix(s.port, s.major),
    port: s.contract.ports[s.port]!,
    ...(s.deprecated ? { deprecation: { contractVersion: s.contract.version, latencySeconds: s.contract.sla.latencySeconds, endOfSupport: s.contract.sla.endOfSupport, endOfLife: s.contract.sla.endOfLife } } : {}),
  }));
  const consumers: DataProductSpec["consumers"] = [];
  const pendingConsumers: string[] = [];
  for (const grant of product.consumers) {
    const consumerDomain = mesh.domains.find((d) => d.name === grant.consumerDomain)!;
    const consumerNames = namesFor(mesh, consumerDomain, env);
    if (!consumerNames) continue; // the consumer does not run in this environment
    const who = `${grant.consumerDomain}/${grant.consumerProduct}`;
    if (!grant.approvedVia) {
      pendingConsumers.push(`${who} → ${grant.port}@${grant.major}`);
      continue;
    }
    consumers.push({
      consumer: who,
      roleArn: consumerNames.roleArn(consumerNames.producerRole(grant.consumerProduct)),
      port: grant.port,
      major: grant.major,
      table: names.glueTable(grant.port, grant.major),
      fields: grant.fields,
      purpose: grant.purpose,
      approvedVia: grant.approvedVia,
    });
  }
  const inputs: InputRead[] = [];
  product.config.inputs.forEach((input, i) => {
    const [, d, p, port, major] = input.from.match(PORT_REF)!;
    const producerDomain = mesh.domains.find((x) => x.name === d)!;
    const producerNames = namesFor(mesh, producerDomain, env);
    if (!producerNames) {
      throw new ConfigError(`${product.dir}/product.yaml`, `inputs[${i}].from`, `${d} has no ${env} environment, so ${domain.name}/${product.name} cannot read it in ${env}`);
    }
    const producer = mesh.domains.find((x) => x.name === d)!.products.find((x) => x.name === p)!;
    const served = servedPorts(producer).find((s) => s.port === port && s.major === Number(major));
    // A major the producer no longer serves grants nothing; the plan blocks on it (see versions/findings.ts).
    if (!served) return;
    const grant = producer.consumers.find((g) => g.consumerDomain === domain.name && g.consumerProduct === product.name && g.port === port);
    const producerPort = served.contract.ports[port!]!;
    // What a consumer reads is the fields it declared, not the whole port: their classification is what flows on.
    const read = [...producerPort.columns, ...producerPort.partitionKeys].filter((c) => input.fields.includes(c.name));
    inputs.push({
      from: input.from,
      bucket: producerNames.productBucket(p!),
      prefix: portPrefix(port!, Number(major)),
      database: producerNames.glueDatabase(),
      table: producerNames.glueTable(port!, Number(major)),
      account: producerNames.scope.account,
      region: producerNames.scope.region,
      keyAlias: producerNames.kmsAlias(),
      fields: input.fields,
      approved: grant?.approvedVia !== undefined,
      classification: maxClassification(read.map((c) => c.classification)),
      containsPhi: read.some((c) => c.phi),
    });
  });
  const allQuality = ports.flatMap((p) => p.port.quality);
  return {
    name: product.name,
    description: product.config.description,
    classification: product.contract.classification,
    containsPii: ports.some((p) => p.port.containsPii),
    containsPhi: ports.some((p) => p.port.containsPhi),
    owners: product.contract.owners,
    contractVersion: product.contract.version,
    sla: product.contract.sla,
    ports,
    quality: allQuality,
    consumers,
    pendingConsumers,
    inputs,
    pipeline: product.config.pipeline,
    qualitySchedule: product.config.quality?.schedule ?? product.config.pipeline.schedule,
    noncurrentVersionDays: product.config.overrides.noncurrentVersionDays,
    tags: product.config.tags,
    deidentification: product.config.deidentification,
    perimeter: needsPerimeter(domain.config.compliance, product.contract.classification),
  };
}

/** Resolves one domain stack (`<domain>-<env>`) into the spec the components declare, or a ConfigError. */
export function resolveDomainStack(mesh: MeshModel, domainName: string, env: string): DomainSpec {
  const domain = mesh.domains.find((d) => d.name === domainName);
  if (!domain) {
    throw new ConfigError(`stacks/Pulumi.${domainName}-${env}.yaml`, "config.mesh:domain", `no domain "${domainName}" under domains/ (domains: ${mesh.domains.map((d) => d.name).join(", ")})`);
  }
  const envConfig = domain.config.environments[env];
  const names = namesFor(mesh, domain, env);
  if (!envConfig || !names) {
    throw new ConfigError(`stacks/Pulumi.${domainName}-${env}.yaml`, "config.mesh:env", `domain ${domainName} declares no environment "${env}" (it has: ${Object.keys(domain.config.environments).join(", ")})`);
  }
  const meshEnv = mesh.config.environments[env]!;
  return {
    name: domain.name,
    description: domain.config.description,
    owner: domain.config.owner,
    costCenter: domain.config.costCenter,
    compliance: domain.config.compliance,
    environment: env,
    production: meshEnv.production,
    allowDestroy: envConfig.allowDestroy,
    region: envConfig.region,
    account: envConfig.account,
    organizationId: mesh.config.organizationId,
    athenaBytesScannedCutoffGb: domain.config.athenaBytesScannedCutoffGb,
    kubernetes: envConfig.kubernetes && meshEnv.eksOidcIssuer && meshEnv.eksCluster ? kubernetesSpec(meshEnv.eksOidcIssuer, meshEnv.eksCluster, meshEnv.kubeContext, envConfig) : undefined,
    qualityRunnerImage: qualityRunnerImage(mesh.config.qualityRunnerImage),
    allowedRegions: mesh.config.allowedRegions,
    waivers: domain.config.waivers,
    names,
    platformHome: envConfig.account === meshEnv.account && envConfig.region === meshEnv.region,
    perimeterRoles: {
      deployers: mesh.config.deployerRoles.filter((r) => roleAccount(r) === envConfig.account),
      breakGlass: mesh.config.breakGlassRoles.filter((r) => roleAccount(r) === envConfig.account),
    },
    products: domain.products.map((p) => resolveProduct(mesh, domain, p, env, names)),
  };
}

/** The cluster a domain's Kubernetes resources are pinned to, named the way `aws eks update-kubeconfig` names it. */
function kubernetesSpec(oidcIssuer: string, cluster: string, context: string | undefined, env: { region: string; account: string }) {
  const clusterArn = `arn:aws:eks:${env.region}:${env.account}:cluster/${cluster}`;
  return { oidcIssuer, clusterArn, context: context ?? clusterArn };
}
