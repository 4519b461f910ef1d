import type { ManifestResource } from "../plan/manifest";

const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
const CONTENT = ["data", "binaryData", "immutable"];

function isTrue(v: unknown): boolean {
  return v === true || v === "true";
}

/**
 * pulumi-kubernetes replaces a ConfigMap whose `data` or `binaryData` changes (pulumi/pulumi-kubernetes#1567,
 * "Changing a ConfigMap's data causes a replacement") unless the provider sets `enableConfigMapMutable`
 * (pulumi/pulumi-kubernetes#1926: the flag turns that replacement into an update). A ConfigMap marked
 * `immutable: true` can never have its data changed (Kubernetes docs, "Immutable ConfigMaps": only delete and
 * recreate), so it is replaced whatever the flag. The default provider (no explicit one) has the flag off.
 */
export function configMapForcesReplacement(before: ManifestResource, after: ManifestResource, path: string, provider: ManifestResource | undefined): boolean {
  if (after.type !== CONFIG_MAP) return false;
  if (!CONTENT.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))) return false;
  if (isTrue(before.inputs.immutable)) return true;
  return !isTrue(provider?.inputs.enableConfigMapMutable);
}
