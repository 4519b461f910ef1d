import { join, resolve } from "node:path";
import { resolveDomainStack } from "@data-mesh/components/src/blueprint/resolve";
import { resolvePlatformStack } from "@data-mesh/components/src/blueprint/resolve-platform";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import type { MeshModel } from "@data-mesh/components/src/config/model";
import { discoverStacks } from "../mesh-root";
import { PROGRAM, projectName } from "../paths";
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
}

/**
 * Validates the whole mesh root and resolves every stack before any worker starts, so bad config fails fast
 * with one ConfigError and nothing is planned or written.
 */
export function preparePlan(rootDir: string, staging: string, only?: string[]): PreparedPlan {
  const root = resolve(rootDir);
  const files = discoverStacks(root).filter((s) => !only || only.includes(s.stack));
  const mesh = loadMesh(root);
  const project = projectName();
  const jobs: StackJob[] = [];
  const stacks: StackInfo[] = [];
  for (const file of files) {
    let location: StackJob["location"];
    let info: StackInfo;
    if (file.domain === "platform") {
      const spec = resolvePlatformStack(mesh, file.env);
      location = { region: spec.region, account: spec.account };
      info = { stack: file.stack, domain: file.domain, env: file.env, products: [], pendingAccess: [] };
    } else {
      const spec = resolveDomainStack(mesh, file.domain, file.env);
      location = { region: spec.region, account: spec.account };
      info = {
        stack: file.stack,
        domain: file.domain,
        env: file.env,
        products: spec.products.map((p) => p.name),
        pendingAccess: spec.products.flatMap((p) => p.pendingConsumers.map((c) => `${file.domain}/${p.name}: ${c}`)),
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
    });
    stacks.push(info);
  }
  return { root, mesh, jobs, stacks };
}
