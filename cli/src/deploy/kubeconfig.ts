import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { parse } from "yaml";
import { CliError, EXIT } from "../errors";

interface Kubeconfig {
  contexts?: { name: string; context?: { cluster?: string } }[];
  clusters?: { name: string }[];
}

/** The kubeconfig files kubectl and the Kubernetes provider read: $KUBECONFIG (a list), else ~/.kube/config. */
function kubeconfigFiles(env: NodeJS.ProcessEnv): string[] {
  const list = env.KUBECONFIG ? env.KUBECONFIG.split(delimiter).filter(Boolean) : [join(env.HOME ?? homedir(), ".kube", "config")];
  return list.filter((f) => existsSync(f));
}

/**
 * Refuses a deployment whose kubeconfig would send the environment's Kubernetes resources elsewhere: the pinned
 * context must exist and name the environment's cluster entry (the first file that defines a name wins, as in kubectl).
 */
export function checkKubeconfig(target: { context: string; clusterArn: string; clusterName: string; region: string }, env: NodeJS.ProcessEnv = process.env): void {
  const contexts = new Map<string, string | undefined>();
  const clusters = new Set<string>();
  for (const file of kubeconfigFiles(env)) {
    let doc: Kubeconfig;
    try {
      doc = (parse(readFileSync(file, "utf8")) ?? {}) as Kubeconfig;
    } catch {
      throw new CliError(EXIT.environment, `kubeconfig ${file} is not valid YAML; fix it or point KUBECONFIG elsewhere`);
    }
    for (const c of doc.contexts ?? []) if (!contexts.has(c.name)) contexts.set(c.name, c.context?.cluster);
    for (const c of doc.clusters ?? []) clusters.add(c.name);
  }
  const fix = `aws eks update-kubeconfig --name ${target.clusterName} --region ${target.region}`;
  if (!contexts.has(target.context)) {
    throw new CliError(EXIT.environment, `kubeconfig has no context ${target.context} for the environment's cluster ${target.clusterName}: run ${fix}`);
  }
  const points = contexts.get(target.context);
  if (points !== target.clusterArn) {
    throw new CliError(EXIT.environment, `kubeconfig context ${target.context} points at cluster ${points ?? "(none)"}, not the environment's ${target.clusterArn}: refusing to deploy there; run ${fix}`);
  }
  if (!clusters.has(target.clusterArn)) throw new CliError(EXIT.environment, `kubeconfig has no cluster entry ${target.clusterArn}: run ${fix}`);
}
