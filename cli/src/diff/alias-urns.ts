import type { ManifestResource } from "../plan/manifest";

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** URN parts: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
function parts(urn: string): { stack: string; project: string; qualifiedType: string; name: string } {
  const [head, project, qualifiedType, ...name] = urn.split("::");
  return { stack: head!.replace(/^urn:pulumi:/, ""), project: project!, qualifiedType: qualifiedType!, name: name.join("::") };
}

function urnOf(stack: string, project: string, parent: string, type: string, name: string): string {
  const qualified = parent ? `${parts(parent).qualifiedType}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** The type (last segment of the qualified type) and name of a URN. */
function typeAndName(urn: string): { type: string; name: string } {
  const p = parts(urn);
  return { type: p.qualifiedType.slice(p.qualifiedType.lastIndexOf("$") + 1), name: p.name };
}

/**
 * The URNs a resource used to have, as the Pulumi engine computes them (pkg/resource/deploy/step_generator.go,
 * `generateAliases`): its own aliases — plain URNs, or specs whose missing fields default to the resource's own
 * name, type, parent, stack and project — and, when its parent was itself found through an alias, the aliases it
 * inherits from that parent (`inheritedChildAlias`: same type and name under the parent's old URN, the parent's
 * old name swapped in when the child's name starts with the parent's). With alias specs the SDK leaves this to
 * the engine, so the recorded aliases alone miss the children of a renamed or retyped component.
 *
 * `aliasedParents` maps a parent's URN to the old URN it was matched to.
 */
export function aliasUrns(resource: ManifestResource, aliasedParents: ReadonlyMap<string, string> = new Map()): string[] {
  const own = parts(resource.urn);
  const out = new Set<string>();
  const collapsed: string[] = [];
  for (const alias of resource.aliases) {
    if (typeof alias === "string") {
      if (alias) collapsed.push(alias);
      continue;
    }
    const a = alias as { name?: string; type?: string; stack?: string; project?: string; parenturn?: string; noparent?: boolean };
    let parent = a.parenturn ? aliasedParents.get(a.parenturn) ?? a.parenturn : resource.parent ?? "";
    if (a.noparent || (parent && parts(parent).qualifiedType === ROOT_STACK_TYPE)) parent = "";
    collapsed.push(urnOf(a.stack || own.stack, a.project || own.project, parent, a.type || resource.type, a.name || resource.name));
  }
  for (const u of collapsed) out.add(u);
  const parentAlias = resource.parent ? aliasedParents.get(resource.parent) : undefined;
  if (resource.parent && parentAlias) {
    const parentName = parts(resource.parent).name;
    const inherited = (type: string, name: string) => {
      const aliasName = name.startsWith(parentName) ? parts(parentAlias).name + name.slice(parentName.length) : name;
      return urnOf(own.stack, own.project, parentAlias, type, aliasName);
    };
    out.add(inherited(resource.type, resource.name));
    for (const u of collapsed) {
      const { type, name } = typeAndName(u);
      out.add(inherited(type, name));
    }
  }
  return [...out];
}
