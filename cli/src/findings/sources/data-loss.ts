import { domainOwner, type FindingSource } from "../model";

/**
 * Stateful resources the plan would replace or delete, or whose protection it removes. Blocking unless the
 * double opt-in (domain.yaml allowDestroy for a non-production environment, and --allow-destroy) allows it;
 * then it still warns, because data will be lost.
 */
export const dataLossFindings: FindingSource = ({ mesh, comparison }) =>
  (comparison?.dataLoss ?? []).map((x) => {
    const c = x.change;
    const what = c.kind === "delete" ? "deletes" : c.kind === "replace" ? `replaces (${c.replaceReasons.join(", ")})` : "removes the protection of";
    const domain = comparison!.stacks.find((d) => d.stack === x.stack)?.domain ?? x.stack;
    return {
      level: x.allowed ? ("warning" as const) : ("blocking" as const),
      kind: "data-loss" as const,
      rule: `stateful-${c.kind}`,
      owner: domainOwner(mesh, domain),
      subject: { stack: x.stack, urn: c.urn },
      reason: `${what} ${c.type}, which holds data`,
      action: x.allowed
        ? "allowed by allowDestroy in domain.yaml and --allow-destroy: the data will be lost"
        : "keep the resource (revert the change, or keep its name through an alias); to really destroy it outside production, set allowDestroy for the environment in domain.yaml and pass --allow-destroy",
      ...(x.allowed ? { waived: "double opt-in: allowDestroy and --allow-destroy" } : {}),
    };
  });
