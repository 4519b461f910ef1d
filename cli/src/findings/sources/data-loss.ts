import { domainOwner, type FindingSource } from "../model";

/**
 * Stateful resources the plan would replace or delete, or whose protection it removes. Blocking unless the
 * double opt-in (domain.yaml allowDestroy for a non-production environment, and --allow-destroy) allows it;
 * then it still warns, because data will be lost.
 */
export const dataLossFindings: FindingSource = ({ mesh, comparison }) =>
  (comparison?.dataLoss ?? []).map((x) => {
    const c = x.change;
    const domain = comparison!.stacks.find((d) => d.stack === x.stack)?.domain ?? x.stack;
    // A move (region, account, cluster) is one finding for everything it recreates elsewhere (see diff/compare.ts).
    const move = x.moved !== undefined;
    return {
      level: x.allowed ? ("warning" as const) : ("blocking" as const),
      kind: move ? ("location-change" as const) : ("data-loss" as const),
      rule: move ? "provider-move" : `stateful-${c.kind}`,
      owner: domainOwner(mesh, domain),
      subject: { stack: x.stack, urn: x.urn },
      reason: x.message,
      action: x.allowed
        ? "allowed by allowDestroy in domain.yaml and --allow-destroy: the data will be lost"
        : move
          ? "migrate the data first (copy it to the new region or account, or to the new cluster), then move; or revert the region/account change"
          : "keep the resource (revert the change, or keep its name through an alias); to really destroy it outside production, set allowDestroy for the environment in domain.yaml and pass --allow-destroy",
      ...(x.allowed ? { waived: "double opt-in: allowDestroy and --allow-destroy" } : {}),
    };
  });
