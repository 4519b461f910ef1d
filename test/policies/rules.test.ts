import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../components/policies/catalog";
import { evaluate } from "../../components/policies/runner";
import type { Framework, PolicyResource } from "../../components/policies/types";
import { REPO } from "../helpers/fixture";
import { Mutable } from "./mutate";
import { recordFixture } from "./recorded";
import { CASES } from "./rule-cases";

let fixture: PolicyResource[];
beforeAll(async () => {
  fixture = await recordFixture();
});

const FRAMEWORKS: Framework[] = ["AWS FSBP", "cdk-nag", "Checkov", "HIPAA", "Kubernetes PSS", "CIS Kubernetes", "Mesh"];
const ruleFiles = readdirSync(join(REPO, "components", "policies", "rules")).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, "")).sort();

describe("the rule catalog", () => {
  it("registers every rule file once, under the file's name, and has at least 40 rules", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size, "duplicate rule ids").toBe(ids.length);
    expect([...ids].sort()).toEqual(ruleFiles);
    expect(ids.length).toBeGreaterThanOrEqual(40);
  });

  it("has a passing and a failing case for every registered rule", () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(RULES.map((r) => [r.id, r] as const))("%s is documented: title, severity, standards, one-line description and fix", (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(["mandatory", "advisory"]).toContain(rule.severity);
    expect(rule.standards.length).toBeGreaterThan(0);
    for (const s of rule.standards) {
      expect(FRAMEWORKS).toContain(s.framework);
      expect(s.control.trim()).not.toBe("");
    }
    for (const line of [rule.description, rule.fix]) {
      expect(line.length).toBeGreaterThan(20);
      expect(line).not.toContain("\n");
    }
    expect(rule.resourceTypes.length).toBeGreaterThan(0);
  });
});

describe.each(CASES.map((c) => [c.rule, c] as const))("%s", (id, c) => {
  it(c.complies ? "passes on the recorded blueprint with the hardening it asks for" : "passes on the recorded blueprint", () => {
    const m = new Mutable(fixture);
    c.complies?.(m);
    expect(evaluate(m.resources).filter((f) => f.rule === id)).toEqual([]);
  });

  it("reports a targeted violation on the resource, with a message", () => {
    const m = new Mutable(fixture);
    c.complies?.(m);
    c.breaks(m);
    const findings = evaluate(m.resources).filter((f) => f.rule === id);
    expect(findings.map((f) => `${f.resource}: ${f.message}`)).toContainEqual(expect.stringMatching(new RegExp(`^${c.resource}: .*${c.message.source}`)));
    const rule = RULES.find((r) => r.id === id)!;
    for (const f of findings) expect(f).toMatchObject({ severity: rule.severity, fix: rule.fix });
  });
});
