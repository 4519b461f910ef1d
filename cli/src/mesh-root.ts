import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, collecting, throwCollected } from "@data-mesh/components/src/config/errors";
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
  for (const name of readdirSync(dir).sort()) {
    const m = name.match(STACK_FILE);
    if (!m) continue;
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
  const doc = readYaml(join(dir, name), file) as { config?: Record<string, unknown> } | null;
  const raw = doc?.config ?? {};
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) config[k] = typeof v === "string" ? v : JSON.stringify(v);
  const domain = config["mesh:domain"];
  const env = config["mesh:env"];
  if (!domain) throw new ConfigError(file, "config.mesh:domain", "is required: the domain folder this stack deploys (or platform)");
  if (!env) throw new ConfigError(file, "config.mesh:env", "is required: an environment of mesh.yaml, such as dev");
  if (stack !== `${domain}-${env}`) throw new ConfigError(file, "config.mesh:domain", `a stack of domain ${domain} in ${env} must be named Pulumi.${domain}-${env}.yaml`);
  return { stack, file, domain, env, config };
}
