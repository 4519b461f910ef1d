import { tmpdir } from "node:os";
import { reservedFieldMessage, reservedFields } from "@data-mesh/components/src/contract/reserved-words";
import { preparePlan } from "../plan/prepare";

/** `mesh validate`: the checks `mesh plan` runs before planning, and a one-line report. */
export function validate(root: string): string {
  const prepared = preparePlan(root, tmpdir());
  const products = prepared.mesh.domains.reduce((n, d) => n + d.products.length, 0);
  const pending = prepared.stacks.flatMap((s) => s.pendingAccess);
  return [
    `OK: ${prepared.mesh.domains.length} domains, ${products} products, ${prepared.stacks.length} stacks valid in ${prepared.root}`,
    ...pending.map((p) => `pending access request (no grant until approved): ${p}`),
    ...prepared.mesh.domains.flatMap((d) => d.products.flatMap((p) => reservedFields(p.contract))).map((f) => `warning: ${f.file}: schema "${f.port}" › property "${f.field}": ${reservedFieldMessage(f)}`),
  ].join("\n");
}
