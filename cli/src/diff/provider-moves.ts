import { isDeepStrictEqual } from "node:util";
import type { ManifestResource } from "../plan/manifest";

/**
 * Where a provider puts the resources it manages. When that changes, every resource of the provider is created
 * anew in the new place and the old one deleted. The engine replaces a resource whose provider reference changed
 * when the new provider's DiffConfig reports a replacement (pulumi/pulumi pkg/resource/deploy/step_generator.go,
 * `providerChanged`); our manifests record resource inputs, which do not carry the region or account, so the
 * diff has to apply it.
 *
 * - aws: the region and the account — `allowedAccountIds`, else the account of the role assumed through
 *   `assumeRole(s)`; AWS resources are regional and account-scoped, their ARNs carry both.
 * - kubernetes: the target cluster (`clusterIdentifier`, else `kubeconfig`, `context`, `cluster`);
 *   pulumi-kubernetes replaces the provider when the cluster it points at changes, and documents
 *   `clusterIdentifier` as the way to change a kubeconfig without that replacement (provider config reference).
 */
const LOCATION: Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>> = {
  "pulumi:providers:aws": (inputs) => ({ region: inputs.region, account: awsAccount(inputs) }),
  "pulumi:providers:kubernetes": (inputs) =>
    inputs.clusterIdentifier !== undefined
      ? { cluster: inputs.clusterIdentifier }
      : { "cluster (kubeconfig)": inputs.kubeconfig, "cluster context": inputs.context, cluster: inputs.cluster },
};

/** Where a provider puts its resources: one changed aspect, old and new value as a reader knows them. */
export interface Relocation {
  /** `region`, `account`, `cluster`. */
  what: string;
  from: string;
  to: string;
}

/** A provider input as a value: lists and objects reach the recorder JSON-encoded (`["111111111111"]`). */
function valueOf(v: unknown): unknown {
  if (typeof v !== "string" || !/^\s*[[{]/.test(v)) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** The account an AWS provider works in: the one it is pinned to, else the one of the role it assumes. */
function awsAccount(inputs: Record<string, unknown>): unknown {
  const allowed = valueOf(inputs.allowedAccountIds);
  if (Array.isArray(allowed) && allowed.length > 0) return allowed.length === 1 ? allowed[0] : allowed;
  const roles = [valueOf(inputs.assumeRole), valueOf(inputs.assumeRoles)].flat().filter(Boolean) as { roleArn?: string }[];
  const last = roles.at(-1)?.roleArn;
  return typeof last === "string" ? last.split(":")[4] : undefined;
}

function show(v: unknown, what: string): string {
  if (v === undefined) return "(provider default)";
  if (what === "cluster (kubeconfig)") return "(another kubeconfig)";
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join(", ");
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Where one provider puts its resources (`region`, `account`, `cluster`), as far as its inputs say. */
export function providerLocation(provider: ManifestResource): Record<string, unknown> {
  return LOCATION[provider.type]?.(provider.inputs) ?? {};
}

/** What differs between where two providers (of the same resource, before and after) put their resources. */
export function relocations(before: ManifestResource, after: ManifestResource): Relocation[] {
  const locate = LOCATION[after.type];
  if (!locate || before.type !== after.type) return [];
  const a = locate(before.inputs);
  const b = locate(after.inputs);
  const out: Relocation[] = [];
  for (const what of Object.keys(b)) {
    const x = valueOf(a[what]);
    const y = valueOf(b[what]);
    if (!isDeepStrictEqual(x, y)) out.push({ what, from: show(x, what), to: show(y, what) });
  }
  return out;
}

/** `region eu-west-1 → eu-central-1, account 1111 → 2222`. */
export function describeRelocations(moves: Relocation[]): string {
  return moves.map((m) => `${m.what} ${m.from} → ${m.to}`).join(", ");
}

/** Provider references are `<urn>::<id>`; the id of a mocked provider is not meaningful, its URN is. */
export function providerUrn(ref: string): string {
  return ref.slice(0, ref.lastIndexOf("::"));
}
