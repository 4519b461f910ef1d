import type { ManifestResource } from "../plan/manifest";

/** URN parts: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
function parts(urn: string): { stack: string; project: string; qualifiedType: string; name: string } {
  const [head, project, qualifiedType, ...name] = urn.split("::");
  return { stack: head!.replace(/^urn:pulumi:/, ""), project: project!, qualifiedType: qualifiedType!, name: name.join("::") };
}

/**
 * The URNs a resource used to have, from its aliases: plain URNs, or alias specs whose missing fields default to
 * the resource's own name, type, parent, stack and project (Pulumi's alias semantics).
 */
export function aliasUrns(resource: ManifestResource): string[] {
  const own = parts(resource.urn);
  const out: string[] = [];
  for (const alias of resource.aliases) {
    if (typeof alias === "string") {
      if (alias) out.push(alias);
      continue;
    }
    const a = alias as { name?: string; type?: string; stack?: string; project?: string; parenturn?: string; noparent?: boolean };
    const type = a.type || resource.type;
    const name = a.name || resource.name;
    const stack = a.stack || own.stack;
    const project = a.project || own.project;
    const parent = a.noparent ? "" : a.parenturn || resource.parent || "";
    const qualified = parent ? `${parts(parent).qualifiedType}$${type}` : type;
    out.push(`urn:pulumi:${stack}::${project}::${qualified}::${name}`);
  }
  return out;
}
