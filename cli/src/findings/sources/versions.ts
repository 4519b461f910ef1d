import type { ProductContact } from "@data-mesh/components/src/versions/contacts";
import { type VersionFinding, versionFindings } from "@data-mesh/components/src/versions/findings";
import type { FindingOwner, FindingSource, PlanFinding } from "../model";

function ownerOf(c: ProductContact): FindingOwner {
  const [domain, product] = c.product.split("/");
  return { domain: domain!, product, team: c.owners.join(", "), contact: [c.email, c.slack].filter(Boolean).join(", ") };
}

const ACTION: Record<VersionFinding["rule"], string> = {
  "major-removed-while-read": "keep serving the old major beside the new one (contract.v<major>.odcs.yaml, status: deprecated, an endOfLife date) until its consumers move, or agree with them to remove their inputs first",
  "deprecated-major-read": "move your input to the current major before the end of life (see docs/consumers.md, My input is deprecated)",
  "end-of-life-major-read": "move your input to the current major now, or ask the producer to extend endOfLife in its contract.v<major>.odcs.yaml",
};

/**
 * Majors side by side (components/src/versions): a major removed while declared consumers read it blocks; reads
 * of a deprecated major warn with the days left, and block after its end of life (judged on ctx.today).
 */
export const versionSourceFindings: FindingSource = ({ mesh, today }) =>
  versionFindings(mesh, today).map((f): PlanFinding => ({
    level: f.level,
    kind: f.rule === "major-removed-while-read" ? "version" : "deprecation",
    rule: f.rule,
    owner: ownerOf(f.owner),
    subject: { contract: f.port },
    reason: f.message.replace(/\.$/, ""),
    action: ACTION[f.rule],
    consumers: f.consumers.map((c) => ({ product: c.contact.product, owner: ownerOf(c.contact), reliesOn: c.fields.join(", "), hops: 1 })),
  }));
