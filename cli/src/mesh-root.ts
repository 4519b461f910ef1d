import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { assertInsideRoot } from "@data-mesh/components/src/config/confine";
import { ConfigError, collecting, throwCollected } from "@data-mesh/components/src/config/errors";
import { suggestKey } from "@data-mesh/components/src/config/suggest";
import { readYaml } from "@data-mesh/components/src/config/validate";

/** A Pulumi stack file of a mesh root: stacks/Pulumi.<stack>.yaml with at least mesh:domain and mesh:env. */
export interface StackFile {
  stack: string;
  file: string;
  domain: string;
  env: string;
  /** Every config value of the file, flattened to strings as Pulumi passes them to the program. */
  config: Record<string, string>;
}

const STACK_FILE = /^Pulumi\.([a-z0-9][a-z0-9-]*)\.ya?ml$/;

/**
 * The `mesh:` keys the program reads (components/src/program.ts): any other is a typo that would be ignored
 * silently (`mesh:allowDestory: true` is half of the data-loss opt-in, lost). Other namespaces (aws:, pulumi:…)
 * belong to their providers.
 */
export const MESH_STACK_KEYS = {
  "mesh:domain": "the domain folder this stack deploys (or platform)",
  "mesh:env": "an environment of mesh.yaml",
  "mesh:root": "the mesh root folder (the plan sets it)",
  "mesh:allowDestroy": "true: the deployer's half of the opt-in to lose data (never production)",
} as const;

/** A folder that is no mesh root at all is one error, not one per file the checks would miss. */
export function assertMeshRoot(root: string): void {
  if (!existsSync(join(root, "domains")) || !existsSync(join(root, "stacks"))) {
    throw new ConfigError(root, "", "is not a mesh root: it needs mesh.yaml, domains/ and stacks/ (pass --root <dir>)");
  }
}

/** Lists and checks the stack files of a mesh root, sorted by stack name. */
export function discoverStacks(root: string): StackFile[] {
  assertMeshRoot(root);
  const dir = join(root, "stacks");
  const stacks: StackFile[] = [];
  const errors: ConfigError[] = [];
  assertInsideRoot(root, dir, "stacks");
  for (const name of readdirSync(dir).sort()) {
    const m = name.match(STACK_FILE);
    if (!m) {
      // A stack file whose name Pulumi would not pick up for a mesh stack is a mistake, not a file to skip.
      if (/^Pulumi\./i.test(name)) errors.push(new ConfigError(`stacks/${name}`, "", "is not a stack file name: use Pulumi.<domain>-<env>.yaml with lowercase letters, digits and hyphens, such as Pulumi.orders-dev.yaml"));
      continue;
    }
    // Every stack file is checked, so one run lists all the broken ones.
    const file = collecting(errors, () => readStackFile(dir, name, m[1]!));
    if (file) stacks.push(file);
  }
  throwCollected(errors);
  if (stacks.length === 0) throw new ConfigError(`${resolve(root)}/stacks`, "", "has no Pulumi.<domain>-<env>.yaml stack files");
  return stacks;
}

function readStackFile(dir: string, name: string, stack: string): StackFile {
  const file = `stacks/${name}`;
  const doc = readYaml(join(dir, name), file, resolve(dir, "..")) as { config?: Record<string, unknown> } | null;
  const raw = doc?.config ?? {};
  for (const key of Object.keys(raw)) {
    if (!key.startsWith("mesh:") || key in MESH_STACK_KEYS) continue;
    const valid = Object.keys(MESH_STACK_KEYS);
    const near = suggestKey(key, valid);
    throw new ConfigError(file, `config.${key}`, `unknown key${near ? `; did you mean ${near}?` : ""} (the mesh: keys are ${valid.join(", ")})`);
  }
  const allowDestroy = raw["mesh:allowDestroy"];
  if (allowDestroy !== undefined && allowDestroy !== true && allowDestroy !== false && allowDestroy !== "true" && allowDestroy !== "false") {
    throw new ConfigError(file, "config.mesh:allowDestroy", `must be true or false, not ${JSON.stringify(allowDestroy)}`);
  }
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) config[k] = typeof v === "string" ? v : JSON.stringify(v);
  const domain = config["mesh:domain"];
  const env = config["mesh:env"];
  if (!domain) throw new ConfigError(file, "config.mesh:domain", "is required: the domain folder this stack deploys (or platform)");
  if (!env) throw new ConfigError(file, "config.mesh:env", "is required: an environment of mesh.yaml, such as dev");
  if (stack !== `${domain}-${env}`) throw new ConfigError(file, "config.mesh:domain", `a stack of domain ${domain} in ${env} must be named Pulumi.${domain}-${env}.yaml`);
  return { stack, file, domain, env, config };
}
