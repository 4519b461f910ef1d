import { descendants } from "./helpers/mesh";
import { T } from "./helpers/types";
import { list } from "./helpers/values";
import type { Finding, StackView } from "./types";

/** An advisory rule accepted for one resource of a domain until a date (domain.yaml `waivers`). */
export interface Waiver {
  rule: string;
  resource: string;
  reason: string;
  expires: string;
}

/** The rule id of the finding an expired waiver becomes. */
export const WAIVER_EXPIRED = "governance-waiver-expired";

function waiversOf(domain: { inputs: Record<string, any> }): Waiver[] {
  return list(domain.inputs.waivers as Waiver[] | undefined);
}

/**
 * Marks the advisory findings a domain has waived. A waiver covers only the domain's own resources, only an advisory
 * rule (mandatory rules cannot be waived), and only until its expiry date (`today` is an ISO date).
 */
export function markWaived(findings: readonly Finding[], view: StackView, today: string): Finding[] {
  const out = findings.map((f) => ({ ...f }));
  for (const domain of view.ofType(T.domain)) {
    const active = waiversOf(domain).filter((w) => w.expires >= today);
    if (active.length === 0) continue;
    const own = new Set([domain.urn, ...descendants(domain, view).map((r) => r.urn)]);
    for (const f of out) {
      const w = active.find((x) => x.rule === f.rule && x.resource === f.resource);
      if (w && f.severity === "advisory" && own.has(f.urn)) f.waived = { reason: w.reason, expires: w.expires };
    }
  }
  return out;
}

/** An expired waiver is itself a mandatory finding on its domain: the accepted risk needs a new review. */
export function expiredWaivers(view: StackView, today: string): Finding[] {
  return view.ofType(T.domain).flatMap((domain) => waiversOf(domain).filter((w) => w.expires < today).map((w) => ({
    rule: WAIVER_EXPIRED,
    severity: "mandatory" as const,
    urn: domain.urn,
    resource: domain.name,
    message: `the waiver of ${w.rule} for ${w.resource} expired on ${w.expires}`,
    fix: "remove the waiver and fix the finding, or renew it with a new review",
  })));
}
