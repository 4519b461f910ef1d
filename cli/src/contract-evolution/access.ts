import type { MeshModel } from "@data-mesh/components/src/config/model";
import { domainOwner, type FindingSource, type PlanFinding } from "../findings/model";
import { portRef } from "./impact";
import { baseSnapshot, type GrantEntry, snapshotOf } from "./snapshot";

const keyOf = (g: GrantEntry) => `${g.consumer}|${portRef(g.producer, g.port, g.major)}`;

function finding(mesh: MeshModel, g: GrantEntry, rule: string, reason: string, action: string, old?: unknown, now?: unknown): PlanFinding {
  const [domain, product] = g.producer.split("/") as [string, string];
  const [cDomain, cProduct] = g.consumer.split("/") as [string, string];
  return {
    level: "info",
    kind: "access-change",
    rule,
    owner: domainOwner(mesh, domain, product),
    subject: { contract: portRef(g.producer, g.port, g.major) },
    reason,
    action,
    ...(old !== undefined || now !== undefined ? { old, new: now } : {}),
    consumers: [{ product: g.consumer, owner: domainOwner(mesh, cDomain, cProduct), reliesOn: `columns ${g.fields.join(", ")}`, hops: 1 }],
  };
}

/**
 * Who gains or loses read access to which port, major and columns, against the base's grants; and every access
 * request still waiting for the producer's approval (with or without a base). Information: governance rules
 * judge the grants themselves.
 */
export const accessChangeFindings: FindingSource = ({ mesh, base }) => {
  const head = snapshotOf(mesh).grants;
  const out: PlanFinding[] = [];
  for (const g of head.filter((x) => !x.approved)) {
    out.push(finding(mesh, g, "access-pending", `${g.consumer} requests read access to ${portRef(g.producer, g.port, g.major)} (${g.fields.join(", ")}): pending approval, nothing is granted`, `the owner of ${g.producer} approves it in access.approvals of its product.yaml (approvedBy, date, ticket), or the consumer withdraws the input`));
  }
  const before = base && baseSnapshot(base);
  if (!before) return out;
  const old = new Map(before.grants.filter((g) => g.approved).map((g) => [keyOf(g), g]));
  const now = new Map(head.filter((g) => g.approved).map((g) => [keyOf(g), g]));
  for (const [key, g] of now) {
    const b = old.get(key);
    if (!b) {
      out.push(finding(mesh, g, "access-granted", `${g.consumer} gains read access to ${portRef(g.producer, g.port, g.major)}: columns ${g.fields.join(", ")}`, "check the purpose and the columns before merging"));
      continue;
    }
    const added = g.fields.filter((f) => !b.fields.includes(f));
    const removed = b.fields.filter((f) => !g.fields.includes(f));
    if (added.length || removed.length) {
      const what = [added.length ? `gains ${added.join(", ")}` : "", removed.length ? `loses ${removed.join(", ")}` : ""].filter(Boolean).join(" and ");
      out.push(finding(mesh, g, "access-columns-changed", `${g.consumer} ${what} on ${portRef(g.producer, g.port, g.major)}`, "check the columns before merging", b.fields, g.fields));
    }
  }
  for (const [key, b] of old) {
    if (!now.has(key)) out.push(finding(mesh, b, "access-revoked", `${b.consumer} loses read access to ${portRef(b.producer, b.port, b.major)} (columns ${b.fields.join(", ")})`, `make sure ${b.consumer} no longer needs it`));
  }
  return out;
};
