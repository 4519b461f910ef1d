import * as pulumi from "@pulumi/pulumi";
import { resolve } from "node:path";
import { resolveDomainStack } from "./blueprint/resolve";
import { resolvePlatformStack } from "./blueprint/resolve-platform";
import { Domain } from "./blueprint/domain";
import { Platform } from "./blueprint/platform";
import { ConfigError, isConfigError } from "./config/errors";
import { loadMesh } from "./config/load-mesh";
import type { MeshModel } from "./config/model";

/** The name `mesh:domain` takes for the account-wide `platform-<env>` stack. */
export const PLATFORM_DOMAIN = "platform";

/**
 * Meshes already loaded by this process. A plan worker runs many stacks of one mesh in a row; the files do not
 * change during a run, so each worker validates the mesh once instead of once per stack.
 */
const loaded = new Map<string, MeshModel>();

/**
 * Hands this process a mesh that `loadMesh` already validated for the same root in another process (the plan
 * engine validates once and passes the result to its workers instead of having each re-parse every file).
 */
export function primeMesh(root: string, mesh: MeshModel): void {
  loaded.set(resolve(root), mesh);
}

function loadMeshOnce(root: string): MeshModel {
  let mesh = loaded.get(root);
  if (!mesh) {
    mesh = loadMesh(root);
    loaded.set(root, mesh);
  }
  return mesh;
}

/**
 * The whole Pulumi program: reads `mesh:domain`, `mesh:env` (and `mesh:root`, `mesh:allowDestroy`) from the stack
 * config, validates the mesh, and declares that one stack. Bad config fails with the one-line ConfigError.
 */
export function runMeshStack(): Record<string, pulumi.Output<unknown>> {
  const config = new pulumi.Config("mesh");
  const domain = config.require("domain");
  const env = config.require("env");
  const root = resolve(config.get("root") ?? ".");
  try {
    const mesh = loadMeshOnce(root);
    if (domain === PLATFORM_DOMAIN) {
      const platform = new Platform(PLATFORM_DOMAIN, { spec: resolvePlatformStack(mesh, env) });
      return { logBuckets: platform.logBuckets };
    }
    const spec = resolveDomainStack(mesh, domain, env);
    const allowDestroy = config.getBoolean("allowDestroy") ?? false;
    if (allowDestroy && (spec.production || !spec.allowDestroy)) {
      // A deployer's opt-in that cannot take effect is a mistake to report, not to ignore.
      throw new ConfigError(`stacks/Pulumi.${domain}-${env}.yaml`, "config.mesh:allowDestroy", spec.production ? "production stacks can never allow destroying data; remove it" : `needs allowDestroy: true for ${env} in domains/${domain}/domain.yaml as well (double opt-in)`);
    }
    const component = new Domain(domain, { spec, allowDestroy });
    return {
      keyArn: component.keyArn,
      databaseName: component.databaseName,
      alertTopicArn: component.alertTopicArn,
      products: pulumi.output(Object.fromEntries(Object.entries(component.products).map(([n, p]) => [n, { bucket: p.bucketName, role: p.roleArn, tables: p.tables }]))),
    };
  } catch (e) {
    if (isConfigError(e)) throw new pulumi.RunError(e.message);
    throw e;
  }
}
