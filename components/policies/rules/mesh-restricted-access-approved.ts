import { productInputs } from "../helpers/mesh";
import { list } from "../helpers/values";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/**
 * A restricted port is read only by consumers the producer approved one by one (product.yaml access.approvals:
 * approver, date, ticket). `autoApprove` is a standing rule for a whole domain; it suits internal and confidential
 * data, not data whose classification says each reader needs a reason on record.
 */
export const meshRestrictedAccessApproved: Rule = {
  id: "mesh-restricted-access-approved",
  title: "Restricted ports are read only by explicitly approved consumers",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Access: explicit approval for restricted data" }],
  description: "An auto-approved consumer of a restricted port gets access without an approver, a date or a ticket on record, so nobody decided that this consumer may read it.",
  fix: "Move the consumer from access.autoApprove to access.approvals (consumer, approvedBy, date, ticket), or lower the port's classification if the data is not restricted.",
  resourceTypes: [T.dataProduct],
  check(product) {
    const inputs = productInputs(product);
    const restricted = list(inputs.ports).filter((p) => p.classification === "restricted");
    return list(inputs.consumers)
      .filter((c) => c.approvedVia === "autoApprove" && restricted.some((p) => p.name === c.port && (c.major === undefined || p.major === c.major)))
      .map((c) => `${c.consumer} reads restricted port ${c.port}${c.major === undefined ? "" : `@${c.major}`} by auto-approval, not an explicit approval`);
  },
};
