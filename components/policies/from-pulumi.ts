import type { PolicyResource as PulumiPolicyResource } from "@pulumi/policy";
import type { PolicyResource } from "./types";

/**
 * Converts a resource as `@pulumi/policy` hands it to a stack policy into the shape the rules read. The props stay
 * the SDK's proxy (no copy): during preview it throws on unknown values only where a rule actually reads one.
 * The engine sends no retainOnDelete flag, so it stays undefined and rules judge it only when known.
 */
export function fromPulumi(resource: PulumiPolicyResource): PolicyResource {
  const dependsOn = new Set(resource.dependencies.map((d) => d.urn));
  for (const deps of Object.values(resource.propertyDependencies)) for (const d of deps) dependsOn.add(d.urn);
  return {
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    inputs: resource.props,
    protect: resource.opts.protect,
    parent: resource.opts.parent || resource.parent?.urn || undefined,
    dependsOn: [...dependsOn].sort(),
  };
}
