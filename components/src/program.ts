import * as pulumi from "@pulumi/pulumi";
import { resolve } from "node:path";
import { resolveDomainStack } from "./blueprint/resolve";
import { resolvePlatformStack } from "./blueprint/resolve-platform";
import { Domain } from "./blueprint/domain";
import { Platform } from "./blueprint/platform";
import { isConfigError } from "./config/errors";
import { loadMesh } from "./config/load-mesh";

/** The name `mesh:domain` takes for the account-wide `platform-<env>` stack. */
export const PLATFORM_DOMAIN = "platform";

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
    const mesh = loadMesh(root);
    if (domain === PLATFORM_DOMAIN) {
      const platform = new Platform(PLATFORM_DOMAIN, { spec: resolvePlatformStack(mesh, env) });
      return { logBuckets: platform.logBuckets };
    }
    const spec = resolveDomainStack(mesh, domain, env);
    const component = new Domain(domain, { spec, allowDestroy: config.getBoolean("allowDestroy") ?? false });
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
