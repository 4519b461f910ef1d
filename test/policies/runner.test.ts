import { beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../components/policies/catalog";
import { T } from "../../components/policies/helpers/types";
import { blocking, evaluate, sortFindings, violations } from "../../components/policies/runner";
import { stackView } from "../../components/policies/stack-view";
import type { Finding, PolicyResource, Rule } from "../../components/policies/types";
import { Mutable } from "./mutate";
import { recordFixture } from "./recorded";

let fixture: PolicyResource[];
beforeAll(async () => {
  fixture = await recordFixture();
});

/** The fixture with a few mandatory violations, on purpose in an order the sort must undo. */
function broken(): PolicyResource[] {
  const m = new Mutable(fixture);
  m.inputs(T.kmsKey, "sales-key").enableKeyRotation = false;
  m.inputs(T.bucketVersioning, "sales-orders-bucket-versioning").versioningConfiguration.status = "Suspended";
  m.inputs(T.bucketVersioning, "clinic-visits-bucket-versioning").versioningConfiguration.status = "Suspended";
  return m.resources;
}

const finding = (rule: string, severity: Finding["severity"], urn: string): Finding => ({ rule, severity, urn, resource: urn, message: "m", fix: "f" });

describe("evaluate", () => {
  it("lists mandatory findings first, then by rule id, then by resource URN", () => {
    const findings = evaluate(broken());
    const mandatory = findings.filter((f) => f.severity === "mandatory");
    expect(mandatory.map((f) => `${f.rule} ${f.resource}`)).toEqual([
      "kms-key-rotation sales-key",
      "s3-versioning clinic-visits-bucket",
      "s3-versioning sales-orders-bucket",
    ]);
    expect(findings.findIndex((f) => f.severity === "advisory")).toBe(mandatory.length);
    const keys = findings.map((f) => [f.severity === "mandatory" ? 0 : 1, f.rule, f.urn].join("\u0000"));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("sorts by severity before rule id and URN", () => {
    const sorted = sortFindings([finding("b", "advisory", "u1"), finding("z", "mandatory", "u2"), finding("a", "advisory", "u3"), finding("z", "mandatory", "u1")]);
    expect(sorted.map((f) => `${f.severity} ${f.rule} ${f.urn}`)).toEqual(["mandatory z u1", "mandatory z u2", "advisory a u3", "advisory b u1"]);
  });

  it("runs only the rules it is given", () => {
    const rotation = RULES.filter((r) => r.id === "kms-key-rotation");
    expect(evaluate(broken(), { rules: rotation }).map((f) => f.rule)).toEqual(["kms-key-rotation"]);
  });

  it("reports each message of a rule that returns several, in order", () => {
    const rule: Rule = { ...RULES[0]!, check: (r) => (r.name === "sales-orders-bucket" ? ["first", "second"] : undefined) };
    const view = stackView(fixture);
    expect(violations(rule, view.byUrn(fixture.find((r) => r.name === "sales-orders-bucket")!.urn)!, view)).toEqual(["first", "second"]);
    expect(evaluate(fixture, { rules: [rule] }).map((f) => f.message)).toEqual(["first", "second"]);
  });
});

describe("blocking", () => {
  it("keeps exactly the mandatory findings", () => {
    const findings = evaluate(broken());
    expect(findings.some((f) => f.severity === "advisory")).toBe(true);
    expect(blocking(findings)).toEqual(findings.filter((f) => f.severity === "mandatory"));
    expect(blocking(findings)).toHaveLength(3);
  });

  it("lets the recorded blueprint through", () => {
    expect(blocking(evaluate(fixture))).toEqual([]);
  });
});
