import { RULES } from "./catalog";
import { stackView } from "./stack-view";
import type { Finding, PolicyResource, Rule } from "./types";

const DOMAIN_TYPE = "mesh:blueprint:Domain";

interface Waiver {
  rule: string;
  resource: string;
  reason: string;
  expires: string;
}

/** Rule violations of one resource, as a list. */
export function violations(rule: Rule, resource: PolicyResource, view: ReturnType<typeof stackView>): string[] {
  const result = rule.check(resource, view);
  return result === undefined ? [] : Array.isArray(result) ? result : [result];
}

/**
 * The offline runner: every rule over every resource of its types, then the domain's waivers. A waiver only
 * covers an advisory rule and only until its expiry date; an expired waiver is itself a mandatory finding.
 */
export function evaluate(resources: readonly PolicyResource[], opts: { rules?: readonly Rule[]; today?: string } = {}): Finding[] {
  const rules = opts.rules ?? RULES;
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const view = stackView(resources);
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const type of rule.resourceTypes) {
      for (const resource of view.ofType(type)) {
        for (const message of violations(rule, resource, view)) {
          findings.push({ rule: rule.id, severity: rule.severity, urn: resource.urn, resource: resource.name, message, fix: rule.fix });
        }
      }
    }
  }
  const waivers: Waiver[] = view.ofType(DOMAIN_TYPE).flatMap((d) => (d.inputs.waivers as Waiver[] | undefined) ?? []);
  for (const w of waivers) {
    const domain = view.ofType(DOMAIN_TYPE)[0]!;
    if (w.expires < today) {
      findings.push({
        rule: "governance-waiver-expired",
        severity: "mandatory",
        urn: domain.urn,
        resource: domain.name,
        message: `the waiver of ${w.rule} for ${w.resource} expired on ${w.expires}`,
        fix: "remove the waiver and fix the finding, or renew it with a new review",
      });
      continue;
    }
    for (const f of findings) {
      if (f.rule === w.rule && f.resource === w.resource && f.severity === "advisory") f.waived = { reason: w.reason, expires: w.expires };
    }
  }
  return findings.sort((a, b) => (a.severity === b.severity ? a.rule.localeCompare(b.rule) || a.urn.localeCompare(b.urn) : a.severity === "mandatory" ? -1 : 1));
}

/** Mandatory findings block a plan; waived advisory ones are reported but never block. */
export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "mandatory");
}
