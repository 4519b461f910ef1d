import { type ReportViolation, type StackValidationPolicy, UnknownValueError } from "@pulumi/policy";
import { RULES } from "./catalog";
import { fromPulumi } from "./from-pulumi";
import { findingsOf, isoToday } from "./runner";
import { stackView } from "./stack-view";
import type { Finding, Rule, StackView } from "./types";
import { expiredWaivers, markWaived, WAIVER_EXPIRED } from "./waivers";

/** How a finding reads in `pulumi preview`: the resource, the problem, the fix, and a waiver if one covers it. */
export function violationMessage(f: Finding): string {
  const waived = f.waived ? ` [waived until ${f.waived.expires}: ${f.waived.reason}]` : "";
  return `${f.resource}: ${f.message}. Fix: ${f.fix}${waived}`;
}

/** The description Pulumi prints above each violation of a rule. */
export function policyDescription(rule: Rule): string {
  return `${rule.title} (${rule.standards.map((s) => `${s.framework} ${s.control}`).join(", ")}). ${rule.description}`;
}

/**
 * A rule's findings during preview, resource by resource: a resource whose checked values are not known yet is
 * skipped, and the first such gap is returned so the SDK can report that the rule could not fully run.
 */
function previewFindings(rule: Rule, view: StackView): { findings: Finding[]; unknown?: UnknownValueError } {
  const findings: Finding[] = [];
  let unknown: UnknownValueError | undefined;
  for (const type of rule.resourceTypes) {
    for (const resource of view.ofType(type)) {
      try {
        findings.push(...findingsOf(rule, resource, view));
      } catch (e) {
        if (!(e instanceof UnknownValueError)) throw e;
        unknown ??= e;
      }
    }
  }
  return { findings, unknown };
}

/** One stack policy per rule: the same check, the same waivers, each violation reported on its resource's URN. */
export function rulePolicy(rule: Rule, today: () => string = isoToday): StackValidationPolicy {
  return {
    name: rule.id,
    description: policyDescription(rule),
    enforcementLevel: rule.severity,
    severity: rule.severity === "mandatory" ? "high" : "low",
    validateStack: (args, reportViolation: ReportViolation) => {
      const view = stackView(args.resources.map(fromPulumi));
      const { findings, unknown } = previewFindings(rule, view);
      for (const f of markWaived(findings, view, today())) reportViolation(violationMessage(f), f.urn);
      // Rethrown after reporting: the SDK then adds its "can't run during preview" note for this policy.
      if (unknown) throw unknown;
    },
  };
}

/** Expired waivers fail the stack, as in the offline plan. */
export function waiverPolicy(today: () => string = isoToday): StackValidationPolicy {
  return {
    name: WAIVER_EXPIRED,
    description: "Waivers in domain.yaml are still valid (an expired waiver needs a new review).",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, reportViolation: ReportViolation) => {
      const view = stackView(args.resources.map(fromPulumi));
      for (const f of expiredWaivers(view, today())) reportViolation(violationMessage(f), f.urn);
    },
  };
}

/** Every policy of the pack, from the same rule objects the offline runner uses. */
export function packPolicies(rules: readonly Rule[] = RULES): StackValidationPolicy[] {
  return [...rules.map((rule) => rulePolicy(rule)), waiverPolicy()];
}
