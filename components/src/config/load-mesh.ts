import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { satisfies } from "semver";
import { createHash } from "node:crypto";
import { parseContract } from "../contract/load";
import { BLUEPRINT_VERSION } from "../version";
import { domainSchema } from "./domain";
import { ConfigError, ConfigErrors } from "./errors";
import { meshSchema } from "./mesh";
import { checkNameCollisions } from "./name-collisions";
import type { AccessGrant, DomainModel, MeshModel, ProductModel } from "./model";
import { PORT_REF, productSchema } from "./product";
import { checkWaivers } from "./waivers";
import { parseYaml, readConfigFile, readYaml, validate } from "./validate";

function subdirectories(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith(".") && statSync(join(dir, name)).isDirectory())
    .sort();
}

/** A product's two files, validated: what a ProductCache keeps between runs. */
export type ParsedProduct = Pick<ProductModel, "config" | "contract">;

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

function parseProduct(dir: string, domain: string, name: string, productText: string, contractText: string): ParsedProduct {
  const config = validate(productSchema, parseYaml(productText, `${dir}/product.yaml`), `${dir}/product.yaml`);
  const contract = parseContract(contractText, `${dir}/contract.odcs.yaml`, { domain, product: name });
  config.outputPorts.forEach((port, i) => {
    if (!contract.ports[port]) {
      throw new ConfigError(`${dir}/product.yaml`, `outputPorts[${i}]`, `"${port}" is not a schema object of contract.odcs.yaml (it has: ${Object.keys(contract.ports).join(", ")})`);
    }
  });
  return { config, contract };
}

function loadProduct(root: string, domain: string, name: string, opts: LoadOptions): ProductModel {
  const dir = `domains/${domain}/products/${name}`;
  if (!/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/.test(name)) {
    throw new ConfigError(dir, "", "product folder names must be 2-40 lowercase letters, digits and hyphens, such as order-events");
  }
  const productText = readConfigFile(join(root, dir, "product.yaml"), `${dir}/product.yaml`);
  const contractText = readConfigFile(join(root, dir, "contract.odcs.yaml"), `${dir}/contract.odcs.yaml`);
  const key = opts.productCache && productCacheKey(opts.productCache.codeKey, root, dir, new Map([["product.yaml", productText], ["contract.odcs.yaml", contractText]]));
  let parsed = key ? opts.productCache!.get(key) : undefined;
  if (!parsed) {
    parsed = parseProduct(dir, domain, name, productText, contractText);
    if (key) opts.productCache!.set(key, parsed);
  }
  return { name, domain, dir, config: parsed.config, contract: parsed.contract, consumers: [] };
}

function loadDomain(root: string, name: string, mesh: MeshModel["config"], opts: LoadOptions): DomainModel {
  const dir = `domains/${name}`;
  const file = `${dir}/domain.yaml`;
  const config = validate(domainSchema, readYaml(join(root, file), file), file);
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
  }
  const products = subdirectories(join(root, dir, "products")).map((p) => loadProduct(root, name, p, opts));
  return { name, dir, config, products };
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
        const [, d, p, port, major] = input.from.match(PORT_REF)!;
        const producer = products.get(`${d}/${p}`);
        if (!producer) throw new ConfigError(file, `inputs[${i}].from`, `no product ${d}/${p} in this mesh`);
        if (producer === consumer) throw new ConfigError(file, `inputs[${i}].from`, "a product cannot read its own port");
        const published = producer.config.outputPorts.includes(port!) ? producer.contract.ports[port!] : undefined;
        if (!published) {
          throw new ConfigError(file, `inputs[${i}].from`, `${d}/${p} publishes no port ${port} (ports: ${producer.config.outputPorts.join(", ")})`);
        }
        if (Number(major) !== producer.contract.major) {
          throw new ConfigError(file, `inputs[${i}].from`, `${d}/${p} serves ${port}@${producer.contract.major}, not @${major}`);
        }
        const columns = new Set([...published.columns, ...published.partitionKeys].map((c) => c.name));
        const missingFields = input.fields.filter((f, fi) => {
          if (columns.has(f)) return false;
          if (opts.missingInputFields !== "record") throw new ConfigError(file, `inputs[${i}].fields[${fi}]`, `${port} has no field ${f} (fields: ${[...columns].join(", ")})`);
          return true;
        });
        const access = producer.config.access;
        const approvedVia = access.autoApprove.some((c) => c === domain.name || c === `${domain.name}/${consumer.name}`)
          ? "autoApprove"
          : access.approvals.some((a) => a.consumer === domain.name || a.consumer === `${domain.name}/${consumer.name}`)
            ? "approval"
            : undefined;
        const fields = input.fields.filter((f) => !missingFields.includes(f));
        const grant: AccessGrant = { consumerDomain: domain.name, consumerProduct: consumer.name, port: port!, major: Number(major), fields, purpose: input.purpose, approvedVia, ...(missingFields.length ? { missingFields } : {}) };
        producer.consumers.push(grant);
      });
    }
  }
}

/** Loads and validates a whole mesh root (mesh.yaml, domains/*): the first problem stops with a ConfigError. */
export function loadMesh(root: string, opts: LoadOptions = {}): MeshModel {
  if (!existsSync(join(root, "domains"))) throw new ConfigError(root, "domains/", "is not a mesh root: it needs mesh.yaml, domains/ and stacks/");
  const config = validate(meshSchema, readYaml(join(root, "mesh.yaml"), "mesh.yaml"), "mesh.yaml");
  const domains = subdirectories(join(root, "domains")).map((d) => loadDomain(root, d, config, opts));
  const mesh: MeshModel = { root, config, domains };
  resolveInputs(mesh, opts);
  checkNameCollisions(mesh);
  return mesh;
}

export { ConfigError, ConfigErrors };
