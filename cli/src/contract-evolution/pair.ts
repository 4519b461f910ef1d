import type { ContractPair } from "./rule";
import { type ContractView, type Doc, contractView, type PropertyView } from "./view";

/** The identity a property keeps across a rename: its ODCS stable id, else its physical name. */
function identity(p: PropertyView): string | undefined {
  if (typeof p.raw.id === "string") return `id:${p.raw.id}`;
  if (typeof p.raw.physicalName === "string") return `physical:${p.raw.physicalName}`;
  return undefined;
}

/** `address.city` and `tags[].x` are inside `address` and `tags`. */
function isInside(child: string, parent: string): boolean {
  return child.startsWith(`${parent}.`) || child.startsWith(`${parent}[]`);
}

export function pairContracts(baseDoc: Doc, headDoc: Doc): ContractPair {
  const base: ContractView = contractView(baseDoc);
  const head: ContractView = contractView(headDoc);
  const pair: ContractPair = {
    base,
    head,
    objects: [],
    removedObjects: base.objects.filter((o) => !head.objects.some((h) => h.name === o.name)),
    addedObjects: head.objects.filter((o) => !base.objects.some((b) => b.name === o.name)),
    properties: [],
    removedProperties: [],
    addedProperties: [],
    renamedProperties: [],
  };
  for (const b of base.objects) {
    const h = head.objects.find((x) => x.name === b.name);
    if (!h) continue;
    pair.objects.push({ base: b, head: h });
    const removed = b.properties.filter((p) => !h.properties.some((q) => q.name === p.name));
    const added = h.properties.filter((p) => !b.properties.some((q) => q.name === p.name));
    for (const p of b.properties) {
      const q = h.properties.find((x) => x.name === p.name);
      if (q) pair.properties.push({ object: b.name, base: p, head: q });
    }
    for (const p of removed) {
      const id = identity(p);
      const to = id && added.find((q) => identity(q) === id);
      if (to) {
        pair.renamedProperties.push({ object: b.name, base: p, head: to });
        added.splice(added.indexOf(to), 1);
      } else if (!removed.some((r) => r !== p && isInside(p.name, r.name))) {
        // A removed struct is one change, not one per nested field.
        pair.removedProperties.push({ object: b.name, property: p });
      }
    }
    for (const q of added) {
      if (!added.some((r) => r !== q && isInside(q.name, r.name))) pair.addedProperties.push({ object: b.name, property: q });
    }
  }
  return pair;
}
