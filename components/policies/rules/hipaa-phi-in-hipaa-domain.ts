import { approvedInputs, domainOf, isHipaa, productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** A product that publishes or reads PHI belongs to a domain that declares HIPAA, so the HIPAA profile applies to it. */
export const hipaaPhiInHipaaDomain: Rule = {
  id: "hipaa-phi-in-hipaa-domain",
  title: "PHI is handled only in HIPAA domains",
  severity: "mandatory",
  standards: [
    { framework: "HIPAA", control: "§164.306(a)" },
    { framework: "Mesh", control: "Compliance follows the data" },
  ],
  description: "The HIPAA rules apply to domains declaring compliance hipaa; this rule applies everywhere, so a domain cannot escape them by not declaring it. Pending inputs carry no data and do not count.",
  fix: "Add hipaa to the domain's compliance list in domain.yaml, or stop publishing/reading PHI.",
  resourceTypes: [T.dataProduct],
  check(product, stack) {
    if (isHipaa(product, stack)) return undefined;
    const description = productInputs(product);
    const problems: string[] = [];
    const domain = domainOf(product, stack)?.inputs.domain ?? "its domain";
    const phiPorts = list(description.ports).filter((p) => p.containsPhi).map((p) => p.name);
    if (phiPorts.length > 0) problems.push(`publishes PHI (${phiPorts.join(", ")}) but ${domain} does not declare hipaa`);
    const phiInputs = approvedInputs(description).filter((i) => i.containsPhi).map((i) => i.from);
    if (phiInputs.length > 0) problems.push(`reads PHI (${phiInputs.join(", ")}) but ${domain} does not declare hipaa`);
    return problems;
  },
};
