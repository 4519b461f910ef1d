import { domainOwner, type FindingSource } from "../model";

/**
 * Governance rule results of every planned stack: a mandatory finding blocks, an advisory one warns, and an
 * advisory one an unexpired waiver covers is information (the rules and waivers are in components/policies).
 */
export const governanceFindings: FindingSource = ({ mesh, summary }) =>
  summary.stacks.flatMap((s) =>
    s.findings.map((f) => ({
      level: f.severity === "mandatory" ? ("blocking" as const) : f.waived ? ("info" as const) : ("warning" as const),
      kind: "governance" as const,
      rule: f.rule,
      owner: domainOwner(mesh, s.domain),
      subject: { stack: s.stack, urn: f.urn },
      reason: f.message,
      action: f.fix,
      ...(f.waived ? { waived: `waived until ${f.waived.expires}: ${f.waived.reason}` } : {}),
    })),
  );
