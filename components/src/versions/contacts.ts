import type { MeshModel } from "../config/model";

/** Who answers for a product: its contract owners and its domain's team contact. */
export interface ProductContact {
  product: string;
  owners: string[];
  email: string;
  slack?: string;
}

export function contactOf(mesh: MeshModel, domain: string, product: string): ProductContact {
  const d = mesh.domains.find((x) => x.name === domain)!;
  const p = d.products.find((x) => x.name === product)!;
  return { product: `${domain}/${product}`, owners: p.contract.owners, email: d.config.owner.email, ...(d.config.owner.slack ? { slack: d.config.owner.slack } : {}) };
}

/** `recommendations/product-recommendations (owners a@x; team recs@x, #recs)` */
export function describeContact(c: ProductContact): string {
  return `${c.product} (owners ${c.owners.join(", ")}; contact ${c.email}${c.slack ? `, ${c.slack}` : ""})`;
}
