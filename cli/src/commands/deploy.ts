import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { resolveDomainStack } from "@data-mesh/components/src/blueprint/resolve";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import { CliError, EXIT } from "../errors";
import { discoverStacks } from "../mesh-root";
import { checkKubeconfig } from "../deploy/kubeconfig";
import { requireAwsCredentials, requirePulumi } from "../deploy/preflight";
import { findingLine } from "../report/findings";
import { plan } from "./plan";

export type DeployAction = "preview" | "up" | "destroy";

export interface DeployOptions {
  root: string;
  stack: string;
  /** Where the offline plan that gates the deployment writes its manifests. */
  out: string;
  /** Compare the gate's plan with a base (a git ref, a plan folder or a mesh root), to catch data loss. */
  base?: string;
  /** The deployer's half of the double opt-in (non-production only, with domain.yaml's allowDestroy). */
  allowDestroy?: boolean;
  /** Pulumi's output and errors, streamed as they come. */
  write: (text: string) => void;
  writeError: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** The policy pack shipped with the components package: every deployment runs it. */
export const POLICY_PACK = join(dirname(require.resolve("@data-mesh/components/package.json")), "policies");

/** The stack's config file with the deployer's opt-in added, passed as --config-file (the stack file is not edited). */
function configFileFor(root: string, stack: string, extra: Record<string, string>): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "mesh-deploy-"));
  const doc = parseDocument(readFileSync(join(root, "stacks", `Pulumi.${stack}.yaml`), "utf8"));
  for (const [k, v] of Object.entries(extra)) doc.setIn(["config", k], v);
  const file = join(dir, `Pulumi.${stack}.yaml`);
  writeFileSync(file, doc.toString());
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `mesh preview|up|destroy --stack S`: fails at once without the Pulumi CLI, AWS credentials or a Pulumi login;
 * validates the mesh; refuses a kubeconfig that points away from the environment's cluster and a destroy without
 * the double opt-in; runs the offline plan of the stack and refuses what its gate refuses; only then drives the
 * Pulumi CLI through the Automation API (LocalWorkspace on the project folder, the policy pack attached), streaming
 * its output. Returns Pulumi's exit code.
 */
export async function deploy(action: DeployAction, opts: DeployOptions): Promise<number> {
  const env = opts.env ?? process.env;
  const root = resolve(opts.root);
  if (!existsSync(join(root, "Pulumi.yaml"))) {
    throw new CliError(EXIT.config, `${root} has no Pulumi.yaml: mesh ${action} runs the Pulumi project whose folder is the mesh root (pass --root)`);
  }
  requirePulumi(env);
  requireAwsCredentials(env);
  // Loaded only here: the Automation API pulls in gRPC, which no other command needs.
  const { CommandError, LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation") as typeof import("@pulumi/pulumi/automation");
  const pulumiCommand = await PulumiCommand.get().catch((e: unknown) => {
    throw new CliError(EXIT.environment, `the pulumi on PATH does not answer "pulumi version" (${String((e as Error).message).split("\n")[0]}): reinstall the Pulumi CLI`);
  });
  const envVars: Record<string, string> = { PULUMI_SKIP_UPDATE_CHECK: "true" };
  const workspace = await LocalWorkspace.create({ workDir: root, pulumiCommand, envVars });
  try {
    await workspace.whoAmI();
  } catch {
    throw new CliError(EXIT.environment, "not logged in to a Pulumi backend: run pulumi login (or set PULUMI_BACKEND_URL or PULUMI_ACCESS_TOKEN), then run this again");
  }

  const file = discoverStacks(root).find((s) => s.stack === opts.stack);
  if (!file) throw new CliError(EXIT.config, `--stack ${opts.stack}: no stacks/Pulumi.${opts.stack}.yaml in ${root}`);
  const mesh = loadMesh(root);
  const production = mesh.config.environments[file.env]?.production ?? false;
  if (file.domain !== "platform") {
    const spec = resolveDomainStack(mesh, file.domain, file.env);
    const cluster = mesh.config.environments[file.env]!.eksCluster!;
    if (spec.kubernetes) checkKubeconfig({ context: spec.kubernetes.context, clusterArn: spec.kubernetes.clusterArn, clusterName: cluster, region: spec.region }, env);
  }
  const domainOptIn = file.domain !== "platform" && Boolean(mesh.domains.find((d) => d.name === file.domain)?.config.environments[file.env]?.allowDestroy);
  if (action === "destroy") {
    if (production) throw new CliError(EXIT.config, `mesh destroy never runs on production: ${file.env} is a production environment in mesh.yaml`);
    if (!domainOptIn) throw new CliError(EXIT.config, `domains/${file.domain}/domain.yaml: environments.${file.env}.allowDestroy: must be true to destroy ${opts.stack} (the domain's half of the double opt-in)`);
    if (!opts.allowDestroy) throw new CliError(EXIT.config, `mesh destroy --stack ${opts.stack} also needs --allow-destroy (the deployer's half of the double opt-in)`);
  }

  const report = await plan({ root, out: opts.out, stacks: [opts.stack], base: opts.base, allowDestroy: opts.allowDestroy });
  if (report.blocking.length > 0) {
    throw new CliError(EXIT.blocked, [`the offline plan of ${opts.stack} is blocked, so nothing was sent to Pulumi:`, ...report.blocking.map((f) => `  ${findingLine(f)}`)].join("\n"));
  }

  const both = opts.allowDestroy && domainOptIn && !production;
  const config = configFileFor(root, opts.stack, both ? { "mesh:allowDestroy": "true" } : {});
  try {
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: opts.stack, workDir: root }, { pulumiCommand, envVars });
    const common = { onOutput: opts.write, onError: opts.writeError, configFile: config.file };
    if (action === "preview") await stack.preview({ ...common, policyPacks: [POLICY_PACK], diff: true });
    else if (action === "up") await stack.up({ ...common, policyPacks: [POLICY_PACK] });
    else await stack.destroy(common);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommandError) {
      const code = pulumiExitCode(e);
      throw new CliError(code, `pulumi ${action} --stack ${opts.stack} failed (exit ${code}); its output is above`);
    }
    throw e;
  } finally {
    config.cleanup();
  }
}

/**
 * The Pulumi CLI's own exit code. The Automation API reports -2 ("unknown") for every failed command because the
 * process library rejects first; the real code is on the wrapped error.
 */
function pulumiExitCode(e: unknown): number {
  const result = (e as { commandResult?: { code?: number; err?: { exitCode?: number } } }).commandResult;
  const code = result?.err?.exitCode ?? result?.code;
  return typeof code === "number" && code > 0 ? code : EXIT.internal;
}
