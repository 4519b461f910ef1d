import type { PolicyResource, StackView } from "./types";

/** Indexes a stack's resources once, so rules that look at related resources stay linear. */
export function stackView(resources: readonly PolicyResource[]): StackView {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const byType = new Map<string, PolicyResource[]>();
  const dependentsOf = new Map<string, PolicyResource[]>();
  const childrenOf = new Map<string, PolicyResource[]>();
  for (const r of resources) {
    byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    for (const d of r.dependsOn) dependentsOf.set(d, [...(dependentsOf.get(d) ?? []), r]);
    if (r.parent) childrenOf.set(r.parent, [...(childrenOf.get(r.parent) ?? []), r]);
  }
  return {
    resources,
    byUrn: (urn) => byUrn.get(urn),
    dependents: (resource, type) => (dependentsOf.get(resource.urn) ?? []).filter((r) => r.type === type),
    children: (resource, type) => (childrenOf.get(resource.urn) ?? []).filter((r) => !type || r.type === type),
    ancestor: (resource, type) => {
      let current = resource.parent ? byUrn.get(resource.parent) : undefined;
      while (current && current.type !== type) current = current.parent ? byUrn.get(current.parent) : undefined;
      return current;
    },
    ofType: (type) => byType.get(type) ?? [],
  };
}
