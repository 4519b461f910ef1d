import fc from "fast-check";
import { RULES } from "../../../components/policies/catalog";
import { CLASSES, type Cls, contractDoc, type Field, maxCls, rank, schemaObject } from "./contract-arbitrary";
import { chance, draw, fresh, type G, pick, some } from "./gen-helpers";
import type { Doc, GenDomain, GenMesh, GenProduct } from "./mesh-model";
import { referenceCollisions } from "./name-oracle";
import { awsAccount, cron, email, envName, futureDate, meshPrefix, pastDate, pinnedImage, productFolder, prose, REGIONS, slug, snake } from "./words";

/**
 * Valid meshes: every file passes its schema and the cross-file checks of loadMesh, and the mesh is one governance
 * accepts — PHI only in HIPAA domains and served only to explicitly approved consumers, classification never lowered
 * from input to output without declared de-identification, inputs only from products deployed to the consumer's
 * environments. Shapes loadMesh refuses by design are left out here (mutations.ts makes them): product folder names
 * outside 2-40 characters, two inputs on one port.
 *
 * Physical names: with `names: "unique"` no two owners of any environments share a name (the reference of
 * name-oracle.ts decides, as each domain and product folder is picked); with `names: "any"` folder names are
 * picked freely, and some are built on purpose to meet another environment's names (env `dev` + domain
 * `eu-sales` next to env `dev-eu` + domain `sales`), so a property sees both outcomes of loadMesh's check.
 */
export interface MeshOptions {
  maxDomains: number;
  maxProducts: number;
  forPlan: boolean;
  names: "unique" | "any";
}

const ADVISORY = RULES.filter((r) => r.severity === "advisory").map((r) => r.id);

// fc.gen() memoises arbitraries by builder and JSON of the arguments, and every RegExp is "{}" in JSON: pass
// regex-built arbitraries as constants (`draw(g, ARB)`), never `g(fc.stringMatching, regex)`.
const OIDC_ID = fc.stringMatching(/^[A-Z0-9]{8,40}$/);
const ORG_ID = fc.stringMatching(/^[a-z0-9]{10,20}$/);
const SLACK = fc.stringMatching(/^[a-z0-9_-]{1,30}$/);
const COST_CENTER = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{1,19}$/);

/** Product folder names loadMesh accepts (config/load-mesh.ts). */
const PRODUCT_FOLDER = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** Hyphen runs collapse in every physical name, so `a--b` and `a-b` name the same things. */
function collapse(s: string): string {
  return s.replace(/-{2,}/g, "-");
}

/** Domain folder names loadMesh accepts (config/common.ts slug, not reserved). */
const DOMAIN_FOLDER = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/**
 * Domain names that give one of `envs` the names an existing stack has: for a stack `<ex>-<dx>` that starts with
 * `<en>-`, the rest is a domain whose `<en>-<domain>` names are the same strings.
 */
function collidingDomains(stacks: readonly { env: string; domain: string }[], envs: readonly string[]): string[] {
  const out: string[] = [];
  for (const { env, domain } of stacks) {
    const whole = `${env}-${domain}`;
    for (const en of envs) {
      const rest = whole.startsWith(`${en}-`) ? whole.slice(en.length + 1) : "";
      if (DOMAIN_FOLDER.test(rest) && rest !== "platform") out.push(rest);
    }
  }
  return out;
}

/** What later products need to know about one generated product. */
interface Built {
  domain: GenDomain;
  product: GenProduct;
  hipaa: boolean;
  envs: string[];
  major: number;
  ports: Record<string, Field[]>;
  hasPhi: boolean;
  /** A restricted port is served only on explicit approvals (mesh-restricted-access-approved). */
  restricted: boolean;
  /** Consumers (`domain` or `domain/product`) whose declared reads are pending; a later domain-wide approval would approve them. */
  pending: Set<string>;
}

const PROSE1 = prose(1);
const PROSE10 = prose(10);

/**
 * An image from a registry in one of the mesh's regions: an ECR registry elsewhere is an endpoint outside data
 * residency, which the mandatory rule mesh-data-residency reports on the CronJob.
 */
function imageIn(g: G, regions: readonly string[]): string {
  return draw(g, pinnedImage).replace(/\.dkr\.ecr\.[a-z0-9-]+\./, `.dkr.ecr.${pick(g, regions)}.`);
}

/** One generated mesh (see MeshOptions). */
export function buildMesh(g: G, opts: MeshOptions): GenMesh {
  const allowedRegions = some(g, REGIONS, 1, 4);
  const envTaken = new Set<string>();
  // Sometimes an environment is named after an earlier one plus a word (`dev`, `dev-eu`): the shape that lets
  // names of two environments meet.
  const envNames: string[] = [];
  for (let i = g(fc.integer, { min: 1, max: 3 }); i > 0; i--) {
    const base = envNames.length > 0 && chance(g, 0.3) ? `${pick(g, envNames)}-${pick(g, ["eu", "us", "x", "b", "sales", "orders"])}` : undefined;
    const env = base && DOMAIN_FOLDER.test(base) && !envTaken.has(base) ? (envTaken.add(base), base) : fresh(g, envName, envTaken);
    if (env) envNames.push(env);
  }
  const prefix = draw(g, meshPrefix);
  const environments: Record<string, Doc> = {};
  for (const env of envNames) {
    const region = pick(g, allowedRegions);
    environments[env] = {
      ...(chance(g, 0.4) ? { production: env.includes("prod") || chance(g, 0.3) } : {}),
      region,
      account: draw(g, awsAccount),
      ...(chance(g, 0.6) ? { eksOidcIssuer: `oidc.eks.${region}.amazonaws.com/id/${draw(g, OIDC_ID)}`, eksCluster: `cluster-${env}` } : {}),
    };
  }
  const mesh: Doc = {
    name: draw(g, slug),
    ...(chance(g, 0.5) ? { description: draw(g, PROSE1) } : {}),
    prefix,
    organizationId: `o-${draw(g, ORG_ID)}`,
    allowedRegions,
    environments,
    // The runner's tag is the version this repository builds: the repository alone, or pinned by digest.
    qualityRunnerImage: ((image: string) => (image.includes("@") ? image : image.replace(/:[A-Za-z0-9._-]+$/, "")))(imageIn(g, allowedRegions)),
    ...(chance(g, 0.2) ? { pricing: { overrides: { "aws:s3/bucket:Bucket": 0.5, "custom-metric": 0.3 } } } : {}),
    dataLakeAdmins: some(g, ["DataPlatformAdmin", "LakeAdmin", "platform.admin@corp", "x"], 1, 2),
  };

  const domains: GenDomain[] = [];
  const stacks: { env: string; domain: string }[] = [];
  const folders = new Set<string>(["platform"]);
  const built: Built[] = [];
  const nDomains = g(fc.integer, { min: 1, max: opts.maxDomains });
  for (let di = 0; di < nDomains; di++) {
    const envs = some(g, envNames, 1, envNames.length);
    const domainEnvs: Record<string, Doc> = {};
    for (const env of envs) {
      const meshEnv = environments[env]!;
      const k8s = meshEnv.eksOidcIssuer !== undefined && chance(g, 0.7);
      const home = chance(g, 0.5);
      domainEnvs[env] = {
        region: home ? meshEnv.region : pick(g, allowedRegions),
        account: home ? meshEnv.account : draw(g, awsAccount),
        ...(k8s ? { kubernetes: true } : chance(g, 0.2) ? { kubernetes: false } : {}),
        ...(meshEnv.production !== true && chance(g, 0.3) ? { allowDestroy: true } : {}),
      };
    }
    const unique = (d: string) => opts.names === "any" || referenceCollisions({ mesh, domains: [...domains, { folder: d, domain: { environments: domainEnvs }, products: [] }] }).length === 0;
    const collide = opts.names === "any" && chance(g, 0.3) ? collidingDomains(stacks, envs).filter((d) => !folders.has(d)) : [];
    const folder = collide.length > 0 ? pick(g, collide) : fresh(g, slug, folders, unique);
    if (!folder) continue;
    folders.add(folder);
    envs.forEach((env) => stacks.push({ env, domain: folder }));
    const hipaa = chance(g, 0.35);
    const compliance = some(g, ["gdpr", "pci", "sox"], 0, 2);
    if (hipaa) compliance.splice(g(fc.nat, compliance.length), 0, "hipaa");
    const domainDoc: Doc = {
      name: folder,
      description: draw(g, PROSE10),
      owner: { team: draw(g, slug), email: draw(g, email), ...(chance(g, 0.5) ? { slack: `#${draw(g, SLACK)}` } : {}) },
      costCenter: draw(g, COST_CENTER),
      ...(compliance.length > 0 || chance(g, 0.5) ? { compliance } : {}),
      blueprint: pick(g, ["^1.0.0", ">=1.0.0 <2.0.0", "1.x", "*", "~1.0.0", "^1"]),
      environments: domainEnvs,
    };
    if (chance(g, 0.2)) {
      domainDoc.waivers = [{ rule: pick(g, ADVISORY), resource: `${folder}-${draw(g, slug)}-bucket`, reason: "Accepted by the governance group until the migration ends.", expires: draw(g, futureDate) }];
    }
    if (chance(g, 0.3)) domainDoc.athenaBytesScannedCutoffGb = g(fc.integer, { min: 1, max: 1024 });
    const domain: GenDomain = { folder, domain: domainDoc, products: [] };
    domains.push(domain);

    const productTaken = new Set<string>();
    const portTaken = new Set<string>();
    const nProducts = g(fc.integer, { min: chance(g, 0.1) ? 0 : 1, max: opts.maxProducts });
    for (let pi = 0; pi < nProducts; pi++) {
      // Folder names alike but for hyphen runs share a bucket (a ConfigError); keep them apart.
      const pUnique = (p: string) => opts.names === "any" || referenceCollisions({ mesh, domains: domains.map((d) => (d === domain ? { ...d, products: [...d.products, { folder: p, product: {}, contract: {} }] } : d)) }).length === 0;
      const pFolder = fresh(g, productFolder, productTaken, (p) => PRODUCT_FOLDER.test(p) && pUnique(p), collapse);
      if (!pFolder) continue;
      built.push(buildProduct(g, opts, domain, pFolder, hipaa, envs, built, portTaken, allowedRegions));
    }
  }
  // The data perimeter (restricted products, HIPAA/PCI domains) needs a deployer and a break-glass role in each
  // account it protects; a valid mesh names both in every account its domains deploy to.
  // Each role ARN is in the partition of its account's region (GovCloud accounts have arn:aws-us-gov:…).
  const partition = new Map<string, string>();
  for (const d of domains) {
    for (const e of Object.values(d.domain.environments as Record<string, Doc>)) {
      if (!partition.has(String(e.account))) partition.set(String(e.account), String(e.region).startsWith("us-gov-") ? "aws-us-gov" : "aws");
    }
  }
  const accounts = [...partition.keys()].sort();
  if (accounts.length > 0) {
    mesh.deployerRoles = accounts.map((a) => `arn:${partition.get(a)}:iam::${a}:role/datamesh-platform-deployer`);
    mesh.breakGlassRoles = accounts.map((a) => `arn:${partition.get(a)}:iam::${a}:role/ops/datamesh-break-glass`);
  }
  return { mesh, domains };
}

function buildProduct(g: G, opts: MeshOptions, domain: GenDomain, folder: string, hipaa: boolean, envs: string[], earlier: Built[], portTaken: Set<string>, allowedRegions: readonly string[]): Built {
  const consumerRef = `${domain.folder}/${folder}`;
  // Inputs first: what the product reads decides the least classification it may publish.
  const inputs: Doc[] = [];
  let minCls: Cls = "public";
  let readsPhi = false;
  const deidentified = chance(g, 0.15);
  const candidates = earlier.filter((b) => Object.keys(b.ports).length > 0 && envs.every((e) => b.envs.includes(e)));
  const nInputs = candidates.length === 0 ? 0 : g(fc.integer, { min: 0, max: 2 });
  const reads: { producer: Built; port: string; from: string }[] = [];
  for (let i = 0; i < nInputs; i++) {
    const producer = pick(g, candidates);
    const port = pick(g, Object.keys(producer.ports));
    const from = `${producer.domain.folder}/${producer.product.folder}/${port}@${producer.major}`;
    // Two inputs on one port are a ConfigError (inputs[i].from).
    if (reads.some((r) => r.from === from)) continue;
    reads.push({ producer, port, from });
  }
  // Approval is per producer and consumer, for all the producer's ports: decide it once per producer.
  const isApproved = (producer: Built) => {
    const access = producer.product.product.access as { autoApprove: string[]; approvals: Doc[] };
    return access.autoApprove.includes(domain.folder) || access.autoApprove.includes(consumerRef) || access.approvals.some((a) => a.consumer === domain.folder || a.consumer === consumerRef);
  };
  for (const producer of new Set(reads.map((r) => r.producer))) {
    if (isApproved(producer)) continue;
    if (chance(g, 0.7)) {
      const access = producer.product.product.access as { autoApprove: string[]; approvals: Doc[] };
      // PHI and restricted ports are served only on explicit approvals (hipaa-phi-access-approved,
      // mesh-restricted-access-approved); a domain-wide entry must not approve
      // an earlier pending read of the same domain after the fact.
      const who = producer.pending.has(domain.folder) || chance(g, 0.5) ? consumerRef : domain.folder;
      if (producer.hasPhi || producer.restricted || chance(g, 0.4)) access.approvals.push({ consumer: who, approvedBy: draw(g, email), date: draw(g, pastDate), ...(chance(g, 0.5) ? { ticket: `GOV-${g(fc.nat, 9999)}` } : {}) });
      else access.autoApprove.push(who);
    } else {
      producer.pending.add(domain.folder);
    }
  }
  for (const { producer, port, from } of reads) {
    const approved = isApproved(producer);
    // An approved read of PHI needs a HIPAA domain (hipaa-phi-in-hipaa-domain) and a de-identification claim.
    const readable = producer.ports[port]!.filter((f) => !f.phi || !approved || hipaa);
    const fields = some(g, readable, 1, 4);
    if (approved) {
      readsPhi ||= fields.some((f) => f.phi);
      minCls = maxCls([minCls, ...fields.map((f) => f.cls)]);
    }
    inputs.push({ from, fields: fields.map((f) => f.name), purpose: draw(g, PROSE10) });
  }

  const contractCls = pick(g, CLASSES.filter((c) => deidentified || rank(c) >= rank(minCls)));
  const allowPii = rank(contractCls) >= rank("confidential");
  const allowPhi = hipaa && contractCls === "restricted";
  const major = pick(g, [0, 1, 1, 2, 3, 12, g(fc.nat, 1000)]);
  // Ports of one domain share a Glue database: names that sanitise alike (`s`, `s_`) are a ConfigError of their own.
  const objects = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, () => fresh(g, snake, portTaken, () => true, (s) => s.replace(/_+/g, "_").replace(/^_|_$/g, "")))
    .filter((n): n is string => n !== undefined)
    .map((name) => ({ name, ...schemaObject(g, name, contractCls, allowPii, allowPhi) }));
  const portNames = some(g, objects.map((o) => o.name), 1, objects.length);
  const ports = Object.fromEntries(objects.filter((o) => portNames.includes(o.name)).map((o) => [o.name, o.fields]));
  const hasPhi = Object.values(ports).some((fs) => fs.some((f) => f.phi));

  const product: Doc = {
    description: draw(g, PROSE10),
    ...(chance(g, 0.4) ? { tags: some(g, ["orders", "pii", "gold", "daily", "k8s-2"], 1, 3) } : {}),
    outputPorts: portNames,
    ...(inputs.length > 0 || chance(g, 0.2) ? { inputs } : {}),
    access: {
      // Standing entries for consumers that do not exist (yet): allowed, and granted nothing.
      autoApprove: !hasPhi && chance(g, 0.2) ? ["future-domain"] : [],
      approvals: [],
    },
    pipeline: {
      image: imageIn(g, allowedRegions),
      schedule: draw(g, cron),
      ...(chance(g, 0.4) ? { resources: { cpu: pick(g, ["250m", "500m", "1", "1.5", "2", "100m"]), memory: pick(g, ["256Mi", "512Mi", "1Gi", "4Gi"]) } } : {}),
    },
    ...(chance(g, 0.3) ? { quality: { schedule: draw(g, cron) } } : {}),
    ...(deidentified || readsPhi ? { deidentification: { method: pick(g, ["safe-harbor", "expert-determination"]), reviewedBy: draw(g, email), date: draw(g, pastDate) } } : {}),
    ...(chance(g, 0.3) ? { overrides: chance(g, 0.8) ? { noncurrentVersionDays: g(fc.integer, { min: 7, max: 365 }) } : {} } : {}),
  };
  const contract = contractDoc(g, domain.folder, folder, contractCls, major, objects.map((o) => o.doc));
  const gen: GenProduct = { folder, product, contract };
  domain.products.push(gen);
  const restricted = contractCls === "restricted" || Object.values(ports).some((fs) => fs.some((f) => f.cls === "restricted"));
  return { domain, product: gen, hipaa, envs, major, ports, hasPhi, restricted, pending: new Set() };
}

/** Arbitrary valid meshes. */
export function meshArbitrary(opts: MeshOptions): fc.Arbitrary<GenMesh> {
  return fc.gen().map((g) => buildMesh(g, opts));
}

