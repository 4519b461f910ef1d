import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { satisfies } from "semver";
import { createHash } from "node:crypto";
import { parseContract } from "../contract/load";
import { BLUEPRINT_VERSION } from "../version";
import { domainSchema } from "./domain";
import { ConfigError, ConfigErrors, collecting, throwCollected } from "./errors";
import { meshSchema } from "./mesh";
import { checkNameCollisions } from "./name-collisions";
import { type AccessGrant, type DomainModel, type MeshModel, type ProductModel, servedPorts } from "./model";
import { PORT_REF, productSchema } from "./product";
import { checkWaivers } from "./waivers";
import { assertInsideRoot, assertTreeInsideRoot } from "./confine";
import { checkPerimeterRoles } from "./perimeter";
import { buildLineage } from "../lineage/graph";
import { findProductCycle } from "../lineage/cycles";
import { parseYaml, readConfigFile, readYaml, validate } from "./validate";

/**
 * The folders of `domains/` or of a domain's `products/`. None is skipped, dot-folders included: each one is a
 * domain or a product, or an error (a folder named `..order-lines` would otherwise drop the product without a
 * word). Files are not folders and stay ignored (a README, .gitkeep). A folder that is a link must stay inside the root.
 */
function subdirectories(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  assertInsideRoot(root, full, dir);
  return readdirSync(full)
    .filter((name) => {
      assertInsideRoot(root, join(full, name), `${dir}/${name}`);
      return statSync(join(full, name), { throwIfNoEntry: false })?.isDirectory() ?? false;
    })
    .sort();
}

const FOLDER_NAME = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** A product's files, validated: what a ProductCache keeps between runs. */
export type ParsedProduct = Pick<ProductModel, "config" | "contract" | "olderMajors">;

/** `contract.v<major>.odcs.yaml`: the contract of an older major served beside contract.odcs.yaml. */
const OLDER_MAJOR_FILE = /^contract\.v(\d+)\.odcs\.yaml$/;

/**
 * Validated products keyed by the code that parses them and every file of their folder (see productCacheKey).
 * The CLI persists one between plans, so an incremental plan of a large mesh re-validates only the products whose
 * files changed, and a change to a schema, parser or default re-validates them all.
 */
export interface ProductCache {
  /** A digest of all the code that parses, validates and defaults a product (schemas, parsers, libraries). */
  readonly codeKey: string;
  get(key: string): ParsedProduct | undefined;
  set(key: string, value: ParsedProduct): void;
}

/**
 * The cache key of one product: the code, the folder, and every file under it (names and contents), so a file the
 * parser starts reading later cannot be left out of the key. A parse must depend on nothing else. `read` holds the
 * files the loader has read already (as the parser sees them), which are not read twice.
 */
function productCacheKey(codeKey: string, root: string, dir: string, read: Map<string, string>): string {
  const hash = createHash("sha256").update(`${codeKey}\0${dir}\0`);
  const folder = join(root, dir);
  for (const file of readdirSync(folder, { recursive: true }).map(String).sort()) {
    const text = read.get(file);
    if (text !== undefined) {
      hash.update(`${file}\0`).update(text).update("\0");
    } else if (statSync(join(folder, file), { throwIfNoEntry: false })?.isFile()) {
      hash.update(`${file}\0`).update(readFileSync(join(folder, file))).update("\0");
    }
  }
  return hash.digest("hex");
}

export interface LoadOptions {
  productCache?: ProductCache;
  /**
   * An input field its port does not publish: a config error in the consumer's file (the default), or "record"ed
   * on the grant (`missingFields`) so `mesh plan` can report the producer change that broke a named consumer
   * (exit 3) instead.
   */
  missingInputFields?: "error" | "record";
}

function parseProduct(dir: string, domain: string, name: string, productText: string, contractText: string, olderTexts: OlderContractText[]): ParsedProduct {
  const config = validate(productSchema, parseYaml(productText, `${dir}/product.yaml`), `${dir}/product.yaml`);
  const contract = parseContract(contractText, `${dir}/contract.odcs.yaml`, { domain, product: name });
  config.outputPorts.forEach((port, i) => {
    if (!contract.ports[port]) {
      throw new ConfigError(`${dir}/product.yaml`, `outputPorts[${i}]`, `"${port}" is not a schema object of contract.odcs.yaml (it has: ${Object.keys(contract.ports).join(", ")})`);
    }
  });
  const olderMajors = olderTexts.map(({ major, file, text }) => {
    const older = parseContract(text, file, { domain, product: name });
    if (older.major !== major) throw new ConfigError(file, "version", `is ${older.version} but the file name says major ${major}; a contract.v${major}.odcs.yaml holds version ${major}.x.y`);
    if (major >= contract.major) {
      throw new ConfigError(file, "version", `major ${major} is not older than contract.odcs.yaml (${contract.version}); older majors only: rename the file or bump contract.odcs.yaml`);
    }
    if (older.status !== "deprecated") throw new ConfigError(file, "status", `an older major served beside ${contract.version} must have status: deprecated (is ${older.status})`);
    if (!older.sla.endOfLife) {
      throw new ConfigError(file, "slaProperties", "a deprecated major needs an end-of-life date: add { property: endOfLife, value: 2027-06-30 } (and optionally endOfSupport)");
    }
    return older;
  });
  return { config, contract, olderMajors };
}

interface OlderContractText {
  major: number;
  file: string;
  text: string;
}

/** The older-major contract files of a product folder, newest major first. */
function readOlderContracts(root: string, dir: string): OlderContractText[] {
  return readdirSync(join(root, dir))
    .map((f) => ({ f, m: OLDER_MAJOR_FILE.exec(f) }))
    .filter((x) => x.m)
    .map(({ f, m }) => ({ major: Number(m![1]), file: `${dir}/${f}`, text: readConfigFile(join(root, dir, f), `${dir}/${f}`, root) }))
    .sort((a, b) => b.major - a.major);
}

function loadProduct(root: string, domain: string, name: string, opts: LoadOptions): ProductModel {
  const dir = `domains/${domain}/products/${name}`;
  if (!FOLDER_NAME.test(name)) {
    throw new ConfigError(dir, "", `is not a product: every folder under products/ is one, and product folder names are 2-40 lowercase letters, digits and hyphens, such as order-events; rename it or move it out of domains/${domain}/products/`);
  }
  assertTreeInsideRoot(root, dir, dir);
  const productText = readConfigFile(join(root, dir, "product.yaml"), `${dir}/product.yaml`, root);
  const contractText = readConfigFile(join(root, dir, "contract.odcs.yaml"), `${dir}/contract.odcs.yaml`, root);
  const olderTexts = readOlderContracts(root, dir);
  // Every file of the folder is in the key, contract.v<major>.odcs.yaml files included.
  const key = opts.productCache && productCacheKey(opts.productCache.codeKey, root, dir, new Map([["product.yaml", productText], ["contract.odcs.yaml", contractText]]));
  let parsed = key ? opts.productCache!.get(key) : undefined;
  if (!parsed) {
    parsed = parseProduct(dir, domain, name, productText, contractText, olderTexts);
    if (key) opts.productCache!.set(key, parsed);
  }
  return { name, domain, dir, config: parsed.config, contract: parsed.contract, olderMajors: parsed.olderMajors ?? [], consumers: [], unservedReads: [] };
}

function loadDomainConfig(root: string, name: string, mesh: MeshModel["config"]): DomainModel["config"] {
  const file = `domains/${name}/domain.yaml`;
  const config = validate(domainSchema, readYaml(join(root, file), file, root), file);
  if (config.name !== name) throw new ConfigError(file, "name", `must be "${name}", the name of the domain folder`);
  checkWaivers(file, config.waivers);
  if (!satisfies(BLUEPRINT_VERSION, config.blueprint)) {
    throw new ConfigError(file, "blueprint", `accepts ${config.blueprint} but the platform provides blueprint ${BLUEPRINT_VERSION}; widen the range or upgrade the platform`);
  }
  for (const [envName, env] of Object.entries(config.environments)) {
    const meshEnv = mesh.environments[envName];
    if (!meshEnv) throw new ConfigError(file, `environments.${envName}`, `is not an environment of mesh.yaml (use one of ${Object.keys(mesh.environments).join(", ")})`);
    if (!mesh.allowedRegions.includes(env.region)) {
      throw new ConfigError(file, `environments.${envName}.region`, `${env.region} is outside the mesh's data residency (allowed: ${mesh.allowedRegions.join(", ")})`);
    }
    if (env.allowDestroy && meshEnv.production) throw new ConfigError(file, `environments.${envName}.allowDestroy`, "production environments cannot opt in to destroying data; remove it");
    if (env.kubernetes && !meshEnv.eksOidcIssuer) {
      throw new ConfigError(file, `environments.${envName}.kubernetes`, `mesh.yaml environment ${envName} has no eksOidcIssuer; set it there or turn kubernetes off`);
    }
    if (env.kubernetes && !meshEnv.eksCluster) {
      throw new ConfigError(file, `environments.${envName}.kubernetes`, `mesh.yaml environment ${envName} names no eksCluster (Kubernetes resources are pinned to it); set it there or turn kubernetes off`);
    }
  }
  return config;
}

/** A domain and its products, each file checked on its own; without a valid mesh.yaml only the products are. */
function loadDomain(root: string, name: string, mesh: MeshModel["config"] | undefined, opts: LoadOptions, errors: ConfigError[]): DomainModel | undefined {
  const dir = `domains/${name}`;
  if (!FOLDER_NAME.test(name)) {
    errors.push(new ConfigError(dir, "", "is not a domain: every folder under domains/ is one, and domain folder names are 2-40 lowercase letters, digits and hyphens, such as order-management; rename it or move it out of domains/"));
    return undefined;
  }
  const config = mesh && collecting(errors, () => loadDomainConfig(root, name, mesh));
  const products = (collecting(errors, () => subdirectories(root, `${dir}/products`)) ?? []).flatMap((p) => collecting(errors, () => loadProduct(root, name, p, opts)) ?? []);
  return config && { name, dir, config, products };
}

function resolveInputs(mesh: MeshModel, opts: LoadOptions = {}): void {
  const products = new Map(mesh.domains.flatMap((d) => d.products.map((p) => [`${d.name}/${p.name}`, p] as const)));
  for (const domain of mesh.domains) {
    for (const consumer of domain.products) {
      const file = `${consumer.dir}/product.yaml`;
      const readPorts = new Set<string>();
      consumer.config.inputs.forEach((input, i) => {
        const portId = input.from.replace(/@\d+$/, "");
        if (readPorts.has(portId)) throw new ConfigError(file, `inputs[${i}].from`, `${portId} is already an input of this product; list all the fields read from it in one input`);
        readPorts.add(portId);
        const [, d, p, port, majorText] = input.from.match(PORT_REF)!;
        const major = Number(majorText);
        const producer = products.get(`${d}/${p}`);
        if (!producer) throw new ConfigError(file, `inputs[${i}].from`, `no product ${d}/${p} in this mesh`);
        if (producer === consumer) throw new ConfigError(file, `inputs[${i}].from`, "a product cannot read its own port");
        const access = producer.config.access;
        const approvedVia = access.autoApprove.some((c) => c === domain.name || c === `${domain.name}/${consumer.name}`)
          ? "autoApprove"
          : access.approvals.some((a) => a.consumer === domain.name || a.consumer === `${domain.name}/${consumer.name}`)
            ? "approval"
            : undefined;
        const grant: AccessGrant = { consumerDomain: domain.name, consumerProduct: consumer.name, port: port!, major, fields: input.fields, purpose: input.purpose, approvedVia };
        const served = servedPorts(producer);
        const match = served.find((s) => s.port === port && s.major === major);
        if (!match) {
          const majors = served.filter((s) => s.port === port).map((s) => s.major);
          // An older major the producer stopped serving (or bumped past) while this consumer still reads it is a
          // blocking finding that names the consumer, not this consumer's config error: the producer broke it.
          if (majors.length > 0 && major < Math.max(...majors)) {
            producer.unservedReads.push(grant);
            return;
          }
          const ports = [...new Set(served.map((s) => `${s.port}@${s.major}`))].join(", ");
          throw new ConfigError(file, `inputs[${i}].from`, majors.length > 0 ? `${d}/${p} serves ${port}@${majors.join(", @")}, not @${major}` : `${d}/${p} publishes no port ${port} (ports: ${ports})`);
        }
        const published = match.contract.ports[port!]!;
        const columns = new Set([...published.columns, ...published.partitionKeys].map((c) => c.name));
        const missingFields = input.fields.filter((f, fi) => {
          if (columns.has(f)) return false;
          if (opts.missingInputFields !== "record") throw new ConfigError(file, `inputs[${i}].fields[${fi}]`, `${port} has no field ${f} at major ${major} (fields: ${[...columns].join(", ")})`);
          return true;
        });
        if (missingFields.length > 0) Object.assign(grant, { fields: input.fields.filter((f) => !missingFields.includes(f)), missingFields });
        producer.consumers.push(grant);
      });
    }
  }
}

/** Products that read each other in a loop cannot be built in any order: a config error that prints the loop. */
function checkCycles(mesh: MeshModel): void {
  const cycle = findProductCycle(buildLineage(mesh));
  if (!cycle) return;
  // cycle[1] reads a port of cycle[0]: report it at that input, in the reader's file.
  const [from, reader] = [cycle[0]!, cycle[1]!];
  const product = mesh.domains.flatMap((d) => d.products).find((p) => `${p.domain}/${p.name}` === reader)!;
  const i = product.config.inputs.findIndex((input) => input.from.startsWith(`${from}/`));
  throw new ConfigError(`${product.dir}/product.yaml`, `inputs[${i}].from`, `products read each other in a cycle: ${cycle.join(" → ")} (each reads a port of the one before it); break the loop by removing one of these inputs`);
}

/**
 * Loads and validates a whole mesh root (mesh.yaml, domains/*). Every file is checked even when an earlier one is
 * broken, and all their errors come back together (ConfigErrors); the checks across files run once each file is valid.
 */
export function loadMesh(root: string, opts: LoadOptions = {}): MeshModel {
  if (!existsSync(join(root, "domains"))) throw new ConfigError(root, "domains/", "is not a mesh root: it needs mesh.yaml, domains/ and stacks/");
  const errors: ConfigError[] = [];
  const config = collecting(errors, () => validate(meshSchema, readYaml(join(root, "mesh.yaml"), "mesh.yaml", root), "mesh.yaml"));
  const domains = (collecting(errors, () => subdirectories(root, "domains")) ?? []).flatMap((d) => loadDomain(root, d, config, opts, errors) ?? []);
  throwCollected(errors);
  const mesh: MeshModel = { root, config: config!, domains };
  resolveInputs(mesh, opts);
  checkCycles(mesh);
  checkNameCollisions(mesh);
  checkPerimeterRoles(mesh);
  return mesh;
}

export { ConfigError, ConfigErrors };
