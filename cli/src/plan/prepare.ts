import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { isoToday } from "@data-mesh/components/policies/runner";
import { resolveDomainStack } from "@data-mesh/components/src/blueprint/resolve";
import { resolvePlatformStack } from "@data-mesh/components/src/blueprint/resolve-platform";
import { ConfigError, collecting, throwCollected } from "@data-mesh/components/src/config/errors";
import { loadMesh, type ProductCache } from "@data-mesh/components/src/config/load-mesh";
import type { MeshModel } from "@data-mesh/components/src/config/model";
import { assertMeshRoot, discoverStacks } from "../mesh-root";
import { PROGRAM, projectName } from "../paths";
import { codeFingerprint, stackFingerprint } from "./fingerprint";
import type { StackJob } from "./job";

export interface StackInfo {
  stack: string;
  domain: string;
  env: string;
  products: string[];
  /** Declared reads of this stack's products that the producer has not approved (no access is granted). */
  pendingAccess: string[];
}

export interface PreparedPlan {
  root: string;
  mesh: MeshModel;
  jobs: StackJob[];
  stacks: StackInfo[];
  /** Cache key of each job's stack (same order as jobs). */
  fingerprints: string[];
}

/** The digest of the secret key that a stack's cache key holds (never the key itself). */
export function digestOfSecretKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/**
 * Validates the whole mesh root and resolves every stack before any worker starts, so bad config fails fast
 * with one ConfigError and nothing is planned or written.
 */
export function preparePlan(rootDir: string, staging: string, opts: { only?: string[]; productCache?: ProductCache; allowDestroy?: boolean; missingInputFields?: "error" | "record"; secretKey?: string; secretKeyDigest?: string } = {}): PreparedPlan {
  const root = resolve(rootDir);
  // Stack files and the mesh are checked together, so one run reports every broken file.
  assertMeshRoot(root);
  const errors: ConfigError[] = [];
  const discovered = collecting(errors, () => discoverStacks(root));
  const loaded = collecting(errors, () => loadMesh(root, { productCache: opts.productCache, missingInputFields: opts.missingInputFields }));
  throwCollected(errors);
  const all = discovered!;
  const mesh = loaded!;
  const unknown = (opts.only ?? []).filter((name) => !all.some((s) => s.stack === name));
  if (unknown.length > 0) throw new ConfigError("--stack", unknown.join(", "), `no such stack in ${root}/stacks (stacks: ${all.map((s) => s.stack).join(", ")})`);
  const files = all.filter((s) => !opts.only || opts.only.includes(s.stack));
  const project = projectName();
  const jobs: StackJob[] = [];
  const stacks: StackInfo[] = [];
  const fingerprints: string[] = [];
  const code = codeFingerprint();
  // A merge of shards knows only the digest of the key the shards used (see commands/plan-merge.ts).
  const secretKeyDigest = opts.secretKeyDigest ?? (opts.secretKey === undefined ? undefined : digestOfSecretKey(opts.secretKey));
  for (const file of files) {
    let location: StackJob["location"];
    let info: StackInfo;
    let spec: unknown;
    if (file.domain === "platform") {
      const platform = resolvePlatformStack(mesh, file.env);
      spec = platform;
      location = { region: platform.region, account: platform.account };
      info = { stack: file.stack, domain: file.domain, env: file.env, products: [], pendingAccess: [] };
    } else {
      const domain = resolveDomainStack(mesh, file.domain, file.env);
      spec = domain;
      // --allow-destroy is the deployer's half of the double opt-in: plan what `pulumi up -c mesh:allowDestroy=true`
      // would do, in the stacks whose domain opted in for a non-production environment.
      if (opts.allowDestroy && domain.allowDestroy && !domain.production) file.config["mesh:allowDestroy"] = "true";
      location = { region: domain.region, account: domain.account };
      info = {
        stack: file.stack,
        domain: file.domain,
        env: file.env,
        products: domain.products.map((p) => p.name),
        pendingAccess: domain.products.flatMap((p) => p.pendingConsumers.map((c) => `${file.stack}: ${file.domain}/${p.name}: ${c}`)),
      };
    }
    jobs.push({
      stack: file.stack,
      project,
      program: PROGRAM,
      config: { ...file.config, "mesh:root": root },
      domain: file.domain,
      env: file.env,
      location,
      manifestFile: join(staging, `${file.stack}.json`),
      priceOverrides: mesh.config.pricing.overrides,
    });
    stacks.push(info);
    // Everything the worker is given besides the code: the job's config, the spec the program declares (its
    // location included), the prices of the cost estimate, the secret key, and with waivers the date (expiry).
    const waivers = (spec as { waivers?: unknown[] }).waivers ?? [];
    const job = jobs[jobs.length - 1]!;
    fingerprints.push(stackFingerprint(code, { config: job.config, spec, priceOverrides: job.priceOverrides, today: waivers.length > 0 ? isoToday() : undefined, secretKeyDigest }));
  }
  return { root, mesh, jobs, stacks, fingerprints };
}
