import { join } from "node:path";
import type { PolicyResource } from "../../components/policies/types";
import { MINI, REPO } from "../helpers/fixture";
import { recordingRuntime, settle } from "../helpers/mock-runtime";

/** Stack name every recording of this process uses; tests keep stacks apart by their root component. */
const STACK = "policies";

/**
 * Records what the blueprint declares for the fixture mesh in dev: sales (Kubernetes, PII, one consumer), clinic
 * (HIPAA, PHI, a pending consumer), analytics (reads both) and the platform stack, side by side in one process.
 */
export async function recordFixture(): Promise<PolicyResource[]> {
  return recordMesh(MINI, [["sales", "dev"], ["clinic", "dev"], ["analytics", "dev"], ["platform", "dev"]]);
}

/**
 * Declares the given stacks of a mesh root (`[domain or "platform", env]`) under component names of their own and
 * returns every recorded resource. Component names are `<domain>` for the first environment a domain appears in,
 * `<domain>-<env>` after that, so the fixture's names read like a real stack's.
 */
export async function recordMesh(root: string, stacks: [string, string][]): Promise<PolicyResource[]> {
  const runtime = await recordingRuntime(STACK);
  const { loadMesh, resolveDomainStack, resolvePlatformStack, Domain, Platform } = await import("../../components/src");
  const mesh = loadMesh(root.startsWith("/") ? root : join(REPO, root));
  const seen = new Set<string>();
  for (const [domain, env] of stacks) {
    const name = seen.has(domain) ? `${domain}-${env}` : domain;
    seen.add(domain);
    if (domain === "platform") new Platform(name, { spec: resolvePlatformStack(mesh, env) });
    else new Domain(name, { spec: resolveDomainStack(mesh, domain, env) });
  }
  await settle();
  return runtime.resources.map((r) => ({ ...r }));
}

/** Every stack of a mesh root: each domain in each of its environments, and the platform of each environment. */
export async function allStacksOf(root: string): Promise<[string, string][]> {
  const { loadMesh } = await import("../../components/src");
  const mesh = loadMesh(join(REPO, root));
  const domains = mesh.domains.flatMap((d) => Object.keys(d.config.environments).map((env) => [d.name, env] as [string, string]));
  const platforms = Object.keys(mesh.config.environments).map((env) => ["platform", env] as [string, string]);
  return [...domains, ...platforms];
}

/** The resources of one stack: its root component (by logical name) and everything under it. */
export function stackOf(resources: readonly PolicyResource[], rootName: string): PolicyResource[] {
  const root = resources.find((r) => !r.parent && r.name === rootName);
  if (!root) throw new Error(`no root component named ${rootName}`);
  const children = new Map<string, PolicyResource[]>();
  for (const r of resources) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const inStack = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const next = queue.shift()!;
    inStack.add(next.urn);
    queue.push(...(children.get(next.urn) ?? []));
  }
  return resources.filter((r) => inStack.has(r.urn));
}
