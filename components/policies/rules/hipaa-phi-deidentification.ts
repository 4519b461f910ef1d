import { approvedInputs, isHipaa, productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** A product that reads PHI and publishes none must say how it de-identified it (Safe Harbor or expert determination). */
export const hipaaPhiDeidentification: Rule = {
  id: "hipaa-phi-deidentification",
  title: "PHI leaves a product only de-identified",
  severity: "mandatory",
  standards: [
    { framework: "HIPAA", control: "§164.514(a)" },
    { framework: "HIPAA", control: "§164.514(b)" },
  ],
  description: "HIPAA profile: a product whose approved inputs contain PHI but whose ports contain none claims its output is de-identified; that claim needs a method and a reviewer, or its ports are PHI exposed without the PHI safeguards.",
  fix: "Declare deidentification { method: safe-harbor | expert-determination, reviewedBy, date } in product.yaml, or mark the port's PHI fields in the contract.",
  resourceTypes: [T.dataProduct],
  check(product, stack) {
    if (!isHipaa(product, stack)) return undefined;
    const description = productInputs(product);
    const phiIn = approvedInputs(description).filter((i) => i.containsPhi).map((i) => i.from);
    if (phiIn.length === 0 || list(description.ports).some((p) => p.containsPhi)) return undefined;
    const d = description.deidentification;
    return d?.method && d.reviewedBy && d.date ? undefined : `reads PHI (${phiIn.join(", ")}) and publishes ports without PHI, but declares no de-identification`;
  },
};
