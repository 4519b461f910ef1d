import { isRoleArnOf } from "../helpers/aws";
import { isHipaa, producerRoleOf, productInputs } from "../helpers/mesh";
import { grantedTable, phiPorts, principalReads, readsPort } from "../helpers/phi";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/**
 * A PHI port is readable only by consumers the producer approved explicitly (product.yaml access.approvals, with
 * approver, date and ticket), and every grant on its data names one of them. Auto-approval does not count for PHI:
 * it is a standing rule, not an authorisation of one consumer's purpose.
 */
export const hipaaPhiAccessApproved: Rule = {
  id: "hipaa-phi-access-approved",
  title: "PHI ports are granted only to explicitly approved consumers",
  severity: "mandatory",
  standards: [
    { framework: "HIPAA", control: "§164.308(a)(4)(ii)(B)" },
    { framework: "HIPAA", control: "§164.312(a)(1)" },
  ],
  description: "HIPAA profile: access to ePHI must be authorised per consumer; the Lake Formation grants and bucket-policy reads on a port with PHI may name only consumers approved through access.approvals, never auto-approved ones.",
  fix: "Move the consumer from access.autoApprove to access.approvals (approvedBy, date, ticket), or remove the grant.",
  resourceTypes: [T.dataProduct],
  check(product, stack) {
    if (!isHipaa(product, stack)) return undefined;
    const ports = phiPorts(product);
    if (ports.length === 0) return undefined;
    const consumers = list(productInputs(product).consumers);
    const approved = (port: string) => consumers.filter((c) => c.port === port && c.approvedVia === "approval");
    const problems: string[] = [];
    for (const c of consumers) {
      if (ports.some((p) => p.name === c.port) && c.approvedVia !== "approval") problems.push(`${c.consumer} reads PHI port ${c.port} by auto-approval, not an explicit approval`);
    }
    const producer = producerRoleOf(product, stack);
    for (const grant of stack.children(product, T.lfPermissions)) {
      const port = ports.find((p) => p.table === grantedTable(grant));
      if (!port || (producer && isRoleArnOf(grant.inputs.principal, producer.inputs.name))) continue;
      if (!approved(port.name).some((c) => c.roleArn === grant.inputs.principal)) problems.push(`Lake Formation grant ${grant.name} gives PHI table ${port.table} to ${String(grant.inputs.principal)}, not an approved consumer`);
    }
    for (const read of principalReads(product, stack)) {
      const { statement, principals } = read;
      const port = ports.find((p) => readsPort(read, p));
      if (!port) continue;
      for (const principal of principals) {
        if (!approved(port.name).some((c) => c.roleArn === principal)) problems.push(`bucket policy ${statement.Sid ?? "statement"} lets ${principal} read PHI port ${port.name}, not an approved consumer`);
      }
    }
    return problems;
  },
};
