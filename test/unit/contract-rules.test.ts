import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CHANGE_RULES } from "../../cli/src/contract-evolution/catalog";
import { detectChanges } from "../../cli/src/contract-evolution/detect";
import { REPO } from "../helpers/fixture";

/**
 * One failing and one passing case per contract change rule, on the e-commerce customer contract. Levels come
 * from issue 10 (its list of breaking changes; "added optional field, SLA tightened, description" are info) and,
 * for what the issue leaves open, datacontract-cli's breaking rules (warning for quality and widening changes).
 */
const BASE = parse(readFileSync(join(REPO, "domains/customers/products/customer-profile/contract.odcs.yaml"), "utf8"));

type Doc = any;
const prop = (d: Doc, name: string) => d.schema[0].properties.find((p: { name: string }) => p.name === name);
const sla = (d: Doc, name: string) => d.slaProperties.find((p: { property: string }) => p.property === name);
const setOptions = (d: Doc, name: string, o: Record<string, unknown>) => (prop(d, name).logicalTypeOptions = { ...prop(d, name).logicalTypeOptions, ...o });

interface Case {
  rule: string;
  level: "breaking" | "warning" | "info";
  /** A change the rule must report (at `path`, when given). */
  fails: (d: Doc) => void;
  path?: string;
  /** A nearby change it must not report. */
  passes: (d: Doc) => void;
  /** Makes the base of both cases (default: the contract as committed). */
  base?: (d: Doc) => void;
}

const CASES: Case[] = [
  { rule: "object-removed", level: "breaking", fails: (d) => d.schema.splice(0, 1, { ...d.schema[0], name: "customers_v2" }), path: "schema[customers]", passes: (d) => d.schema.push({ ...d.schema[0], name: "extra" }) },
  { rule: "field-removed", level: "breaking", fails: (d) => d.schema[0].properties.splice(1, 1), path: "schema[customers].properties[email]", passes: (d) => (prop(d, "email").description = "Main email.") },
  {
    rule: "field-renamed",
    level: "breaking",
    base: (d) => (prop(d, "segment").id = "seg"),
    fails: (d) => (prop(d, "segment").name = "lifecycle_segment"),
    path: "schema[customers].properties[segment]",
    // Without a stable id or physicalName, a rename is a removal and an addition, not this rule.
    passes: (d) => {
      delete prop(d, "segment").id;
      prop(d, "segment").name = "lifecycle_segment";
    },
  },
  { rule: "logical-type-changed", level: "breaking", fails: (d) => (prop(d, "marketing_consent").logicalType = "string"), path: "schema[customers].properties[marketing_consent].logicalType", passes: (d) => (prop(d, "marketing_consent").description = "Consent.") },
  { rule: "physical-type-narrowed", level: "breaking", fails: (d) => (prop(d, "segment").physicalType = "varchar(16)"), path: "schema[customers].properties[segment].physicalType", passes: (d) => (prop(d, "segment").physicalType = "varchar(64)") },
  { rule: "physical-type-narrowed", level: "breaking", fails: (d) => (prop(d, "lifetime_value_eur").physicalType = "decimal(10,2)"), passes: (d) => (prop(d, "lifetime_value_eur").physicalType = "decimal(14,2)") },
  { rule: "physical-type-widened", level: "warning", fails: (d) => (prop(d, "segment").physicalType = "varchar(64)"), passes: (d) => (prop(d, "segment").physicalType = "varchar(32)") },
  { rule: "required-field-added", level: "breaking", fails: (d) => d.schema[0].properties.push({ name: "tier", logicalType: "string", required: true }), path: "schema[customers].properties[tier].required", passes: (d) => d.schema[0].properties.push({ name: "tier", logicalType: "string" }) },
  { rule: "field-added", level: "info", fails: (d) => d.schema[0].properties.push({ name: "tier", logicalType: "string" }), passes: (d) => d.schema[0].properties.push({ name: "tier", logicalType: "string", required: true }) },
  { rule: "required-changed", level: "breaking", fails: (d) => (prop(d, "segment").required = true), path: "schema[customers].properties[segment].required", passes: (d) => (prop(d, "segment").required = false) },
  { rule: "unique-changed", level: "breaking", fails: (d) => (prop(d, "customer_id").unique = false), passes: (d) => (prop(d, "customer_id").unique = true) },
  {
    rule: "primary-key-changed",
    level: "breaking",
    fails: (d) => Object.assign(prop(d, "email"), { primaryKey: true, primaryKeyPosition: 2 }),
    passes: (d) => (prop(d, "customer_id").primaryKeyPosition = 1),
  },
  { rule: "partitioning-changed", level: "breaking", fails: (d) => Object.assign(prop(d, "country_code"), { partitioned: true, partitionKeyPosition: 2 }), passes: (d) => (prop(d, "snapshot_date").partitionKeyPosition = 1) },
  { rule: "validation-pattern-changed", level: "breaking", fails: (d) => setOptions(d, "email", { pattern: "^[^@]+@[^@]+$" }), path: "schema[customers].properties[email].logicalTypeOptions.pattern", passes: (d) => setOptions(d, "email", {}) },
  { rule: "validation-format-changed", level: "breaking", fails: (d) => setOptions(d, "email", { format: "email" }), passes: (d) => setOptions(d, "segment", {}) },
  { rule: "validation-length-tightened", level: "breaking", fails: (d) => setOptions(d, "segment", { maxLength: 16 }), passes: (d) => setOptions(d, "segment", {}) },
  {
    rule: "validation-length-tightened",
    level: "breaking",
    base: (d) => setOptions(d, "segment", { maxLength: 32 }),
    fails: (d) => setOptions(d, "segment", { minLength: 3 }),
    passes: (d) => setOptions(d, "segment", { maxLength: 64 }),
  },
  { rule: "validation-range-tightened", level: "breaking", fails: (d) => setOptions(d, "lifetime_value_eur", { minimum: 0 }), passes: (d) => setOptions(d, "lifetime_value_eur", {}) },
  {
    rule: "valid-values-removed",
    level: "breaking",
    fails: (d) => (prop(d, "country_code").quality[0].arguments.validValues = ["DE", "FR", "GB"]),
    passes: (d) => prop(d, "country_code").quality[0].arguments.validValues.push("AT"),
  },
  {
    rule: "validation-loosened",
    level: "warning",
    fails: (d) => prop(d, "country_code").quality[0].arguments.validValues.push("AT"),
    passes: (d) => (prop(d, "country_code").quality[0].arguments.validValues = ["DE", "FR"]),
  },
  { rule: "quality-rule-added", level: "warning", fails: (d) => (prop(d, "email").quality = [{ metric: "nullValues", mustBeLessThan: 10, unit: "percent" }]), passes: (d) => (prop(d, "email").description = "Email.") },
  {
    rule: "quality-threshold-tightened",
    level: "warning",
    fails: (d) => (d.schema[0].quality[0].mustBeGreaterThan = 5000),
    passes: (d) => (d.schema[0].quality[0].mustBeGreaterThan = 500),
  },
  { rule: "quality-rule-weakened", level: "warning", fails: (d) => (d.schema[0].quality[0].mustBeGreaterThan = 500), passes: (d) => (d.schema[0].quality[0].mustBeGreaterThan = 5000) },
  { rule: "sla-latency-weakened", level: "breaking", fails: (d) => (sla(d, "latency").value = 6), path: "slaProperties[latency].value", passes: (d) => (sla(d, "latency").value = 1) },
  { rule: "sla-frequency-weakened", level: "breaking", fails: (d) => Object.assign(sla(d, "frequency"), { value: 1, unit: "d" }), passes: (d) => Object.assign(sla(d, "frequency"), { value: 30, unit: "min" }) },
  { rule: "sla-availability-weakened", level: "breaking", fails: (d) => (sla(d, "availability").value = 99), passes: (d) => (sla(d, "availability").value = 99.9) },
  { rule: "retention-shortened", level: "breaking", fails: (d) => (sla(d, "retention").value = 1), passes: (d) => (sla(d, "retention").value = 5) },
  { rule: "sla-improved", level: "info", fails: (d) => (sla(d, "latency").value = 1), passes: (d) => (sla(d, "latency").value = 6) },
  { rule: "field-classification-raised", level: "breaking", fails: (d) => (prop(d, "segment").classification = "confidential"), path: "schema[customers].properties[segment].classification", passes: (d) => (prop(d, "email").classification = "confidential") },
  {
    rule: "contract-classification-raised",
    level: "breaking",
    fails: (d) => (d.customProperties.find((p: { property: string }) => p.property === "classification").value = "restricted"),
    passes: (d) => (d.customProperties.find((p: { property: string }) => p.property === "classification").value = "internal"),
  },
  {
    rule: "server-moved",
    level: "breaking",
    base: (d) => (d.servers = [{ server: "lake", type: "s3", location: "s3://lake-eu-west-1/customers/" }]),
    fails: (d) => (d.servers = [{ server: "lake", type: "s3", location: "s3://lake-eu-central-1/customers/" }]),
    passes: (d) => (d.servers = [{ server: "lake", type: "s3", location: "s3://lake-eu-west-1/customers/", description: "The lake." }]),
  },
  { rule: "object-added", level: "info", fails: (d) => d.schema.push({ ...d.schema[0], name: "extra" }), passes: (d) => (d.schema[0].description = "x") },
  { rule: "description-changed", level: "info", fails: (d) => (prop(d, "email").description = "Main email."), passes: (d) => (prop(d, "email").physicalType = "varchar(320)") },
];

function run(c: Case, edit: (d: Doc) => void) {
  const base = structuredClone(BASE);
  c.base?.(base);
  const head = structuredClone(base);
  edit(head);
  return detectChanges(base, head).filter((x) => x.rule === c.rule);
}

describe("contract change rules: one failing and one passing case each", () => {
  it("covers every rule of the catalog", () => {
    expect(CHANGE_RULES.length).toBeGreaterThan(25);
    expect(CHANGE_RULES.map((r) => r.id).filter((id) => !CASES.some((c) => c.rule === id))).toEqual([]);
  });

  it("gives every rule a unique id, a level and a datacontract-cli mapping field", () => {
    expect(new Set(CHANGE_RULES.map((r) => r.id)).size).toBe(CHANGE_RULES.length);
  });

  it.each(CASES.map((c, i) => [`${c.rule} #${i}`, c] as const))("%s", (_name, c) => {
    const fired = run(c, c.fails);
    expect(fired.length, `${c.rule} should report the change`).toBeGreaterThan(0);
    expect(fired[0]!.level).toBe(c.level);
    if (c.path) expect(fired[0]!.path).toBe(c.path);
    expect(run(c, c.passes), `${c.rule} should not report the nearby change`).toEqual([]);
  });

  it("reports nothing at all for an unchanged contract", () => {
    expect(detectChanges(BASE, structuredClone(BASE))).toEqual([]);
  });

  it("says old → new for a type change, at the property's path", () => {
    const head = structuredClone(BASE);
    prop(head, "marketing_consent").logicalType = "string";
    expect(detectChanges(BASE, head)).toEqual([
      { rule: "logical-type-changed", level: "breaking", scope: "field", port: "customers", field: "marketing_consent", path: "schema[customers].properties[marketing_consent].logicalType", old: "boolean", new: "string", message: "logical type of marketing_consent changed" },
    ]);
  });
});
