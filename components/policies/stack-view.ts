import type { PolicyResource, StackView } from "./types";

/** Indexes a stack's resources once, so rules that look at related resources stay linear. */
export function stackView(resources: readonly PolicyResource[]): StackView {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const byType = new Map<string, PolicyResource[]>();
  const dependentsOf = new Map<string, PolicyResource[]>();
  const childrenOf = new Map<string, PolicyResource[]>();
  // Appends in place: copying the list on every append made indexing quadratic in the resources of one type.
  const add = (index: Map<string, PolicyResource[]>, key: string, r: PolicyResource) => {
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
  };
  for (const r of resources) {
    add(byType, r.type, r);
    for (const d of r.dependsOn) add(dependentsOf, d, r);
    if (r.parent) add(childrenOf, r.parent, r);
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
