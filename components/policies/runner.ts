import { RULES } from "./catalog";
import { stackView } from "./stack-view";
import type { Finding, PolicyResource, Rule, StackView } from "./types";
import { expiredWaivers, markWaived } from "./waivers";

/** Rule violations of one resource, as a list. */
export function violations(rule: Rule, resource: PolicyResource, view: StackView): string[] {
  const result = rule.check(resource, view);
  return result === undefined ? [] : Array.isArray(result) ? result : [result];
}

/** The findings of one rule on one resource. */
export function findingsOf(rule: Rule, resource: PolicyResource, view: StackView): Finding[] {
  return violations(rule, resource, view).map((message) => ({ rule: rule.id, severity: rule.severity, urn: resource.urn, resource: resource.name, message, fix: rule.fix }));
}

/** Every finding of one rule over the resources of its types. */
export function ruleFindings(rule: Rule, view: StackView): Finding[] {
  return rule.resourceTypes.flatMap((type) => view.ofType(type).flatMap((resource) => findingsOf(rule, resource, view)));
}

/** Code-unit order, the same on every machine whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Mandatory first, then by rule id and resource URN; messages of one resource keep the rule's order. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === "mandatory" ? 0 : 1);
  return findings.sort((a, b) => rank(a) - rank(b) || compare(a.rule, b.rule) || compare(a.urn, b.urn));
}

/** Today as an ISO date, the form waiver expiry dates use. */
export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The offline runner: every rule over every resource of its types, then the domains' waivers. A waiver only covers
 * an advisory rule and only until its expiry date; an expired waiver is itself a mandatory finding.
 */
export function evaluate(resources: readonly PolicyResource[], opts: { rules?: readonly Rule[]; today?: string } = {}): Finding[] {
  const rules = opts.rules ?? RULES;
  const today = opts.today ?? isoToday();
  const view = stackView(resources);
  const findings = markWaived(rules.flatMap((rule) => ruleFindings(rule, view)), view, today);
  return sortFindings([...findings, ...expiredWaivers(view, today)]);
}

/** Mandatory findings block a plan; advisory ones (waived or not) are reported but never block. */
export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "mandatory");
}
