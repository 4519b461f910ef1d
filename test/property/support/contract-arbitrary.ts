import fc from "fast-check";
import type { Doc } from "./mesh-model";
import { chance, draw, fresh, type G, pick, shuffle } from "./gen-helpers";
import { email, prose, slug, snake } from "./words";

/** Contracts (ODCS v3.1 documents) of the generated meshes: schema objects, typed properties, SLAs, classification. */

export const CLASSES = ["public", "internal", "confidential", "restricted"] as const;
export type Cls = (typeof CLASSES)[number];
export const rank = (c: Cls) => CLASSES.indexOf(c);
export const maxCls = (cs: Cls[]): Cls => cs.reduce<Cls>((a, b) => (rank(b) > rank(a) ? b : a), "public");

/** A top-level field of a published port, as a consumer may read it. */
export interface Field {
  name: string;
  cls: Cls;
  phi: boolean;
}

/** ODCS SLA units and their length in seconds (the units contract/duration.ts documents). */
const UNITS: [string, number][] = [
  ["s", 1], ["sec", 1], ["seconds", 1], ["min", 60], ["minutes", 60], ["h", 3600], ["hr", 3600], ["hours", 3600], ["H", 3600],
  ["d", 86400], ["day", 86400], ["days", 86400], ["Days", 86400], ["w", 604800], ["week", 604800], ["mo", 2592000], ["month", 2592000], ["y", 31536000], ["yr", 31536000], ["years", 31536000],
];

/** Physical types that fit each scalar logical type (glue-types.ts), or none. */
const PHYSICAL: Record<string, (string | undefined)[]> = {
  string: [undefined, undefined, "varchar(36)", "VARCHAR(255)", "char(2)", "string", "text", "uuid", "json", "binary", "character varying (10)"],
  date: [undefined, "date"],
  timestamp: [undefined, "timestamp", "timestamp_tz", "datetime", "TIMESTAMP WITH TIME ZONE"],
  time: [undefined, "time", "string"],
  number: [undefined, "double", "float", "decimal(12,2)", "numeric(38, 10)", "real"],
  integer: [undefined, "int", "bigint", "smallint", "tinyint", "long", "decimal(10)"],
  boolean: [undefined, "boolean", "bool"],
};
const SCALARS = Object.keys(PHYSICAL);

const UUID = fc.uuid();
const PROSE1 = prose(1);

/** An SLA duration as written in a contract, and its length in seconds. */
function duration(g: G, seconds: () => number, ok: (s: number) => boolean): { value: number | string; unit: string; seconds: number } {
  for (;;) {
    const target = seconds();
    const [unit, size] = pick(g, UNITS.filter(([, s]) => s <= Math.max(1, target)));
    const raw = target / size;
    const value = chance(g, 0.7) ? Math.max(1, Math.round(raw)) : Number(raw.toFixed(2)) || 0.5;
    const secs = Math.round(value * size);
    if (!ok(secs)) continue;
    return { value: chance(g, 0.2) ? String(value) : value, unit, seconds: secs };
  }
}

function scalarProperty(g: G, name: string): Doc {
  const logicalType = pick(g, SCALARS);
  const physicalType = pick(g, PHYSICAL[logicalType]!);
  return { name, logicalType, ...(physicalType ? { physicalType } : {}) };
}

/** A property of any type, nested at most `depth` levels (arrays of items, objects of properties). */
function anyProperty(g: G, name: string, depth: number): Doc {
  const kind = depth > 0 ? pick(g, ["scalar", "scalar", "scalar", "scalar", "array", "object"]) : "scalar";
  if (kind === "array") return { name, logicalType: "array", items: anyProperty(g, `${name.slice(0, 100)}_item`, depth - 1) };
  if (kind === "object") {
    const taken = new Set<string>();
    const props = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, () => fresh(g, snake, taken)).filter((n): n is string => n !== undefined);
    return { name, logicalType: "object", properties: props.map((p) => anyProperty(g, p, depth - 1)) };
  }
  return scalarProperty(g, name);
}

function qualityRule(g: G): Doc {
  return pick(g, [
    () => ({ metric: "nullValues", mustBe: 0, dimension: "completeness" }),
    () => ({ metric: "rowCount", mustBeGreaterThan: g(fc.nat, 1000) }),
    () => ({ metric: "duplicateValues", mustBeLessOrEqualTo: 0, severity: "warning", name: "no_duplicates" }),
    () => ({ type: "sql", query: "SELECT COUNT(*) FROM ${table} WHERE amount < 0", mustBe: 0 }),
    () => ({ type: "text", description: draw(g, PROSE1) }),
  ])();
}

/** One schema object of a contract, and the top-level fields a consumer can read from it. */
export function schemaObject(g: G, name: string, contractCls: Cls, allowPii: boolean, allowPhi: boolean): { doc: Doc; fields: Field[] } {
  const taken = new Set<string>();
  const names = Array.from({ length: g(fc.integer, { min: 1, max: 6 }) }, () => fresh(g, snake, taken)).filter((n): n is string => n !== undefined);
  const fields: Field[] = [];
  const partitionIdx: number[] = [];
  const properties = names.map((field, i) => {
    // The first field inherits the contract's classification and is never a partition, tagged or nested, so every
    // object has a data column, and its port carries the contract's classification.
    const p = i === 0 ? scalarProperty(g, field) : anyProperty(g, field, 2);
    let cls = contractCls;
    let phi = false;
    if (i > 0) {
      const tags: string[] = [];
      if (allowPhi && chance(g, 0.3)) { tags.push(pick(g, ["phi", "PHI"])); phi = true; }
      if (allowPii && chance(g, 0.3)) tags.push(pick(g, ["pii", "PII"]));
      if (chance(g, 0.2)) tags.push(pick(g, ["finance", "sensitive", "employee_record"]));
      if (tags.length > 0) p.tags = tags;
      const floor: Cls = phi ? "restricted" : tags.some((t) => t.toLowerCase() === "pii") ? "confidential" : "public";
      if (chance(g, 0.5)) {
        cls = pick(g, CLASSES.filter((c) => rank(c) >= rank(floor) && rank(c) <= rank(contractCls)));
        p.classification = cls;
      }
      if (p.logicalType !== "array" && p.logicalType !== "object" && chance(g, 0.25)) { p.partitioned = true; partitionIdx.push(i); }
    }
    if (chance(g, 0.3)) p.required = true;
    if (i === 0 && chance(g, 0.5)) { p.primaryKey = true; p.primaryKeyPosition = 1; }
    if (chance(g, 0.3)) p.description = draw(g, PROSE1);
    if (chance(g, 0.15)) p.quality = [qualityRule(g)];
    fields.push({ name: field, cls, phi });
    return p;
  });
  if (partitionIdx.length > 0 && chance(g, 0.6)) {
    const positions = shuffle(g, partitionIdx.map((_, k) => k + 1));
    partitionIdx.forEach((idx, k) => { properties[idx]!.partitionKeyPosition = positions[k]; });
  }
  const doc: Doc = { name, description: draw(g, PROSE1), properties };
  if (chance(g, 0.7)) doc.physicalType = pick(g, ["table", "view"]);
  if (chance(g, 0.2)) doc.quality = [qualityRule(g)];
  return { doc, fields };
}

export function contractDoc(g: G, domain: string, product: string, cls: Cls, major: number, objects: Doc[]): Doc {
  const latency = duration(g, () => pick(g, [() => g(fc.integer, { min: 60, max: 86_400 }), () => g(fc.integer, { min: 1, max: 60 * 86_400 }), () => pick(g, [900, 3600, 86_400, 7 * 86_400, 30 * 86_400])])(),
    () => true);
  const retention = duration(g, () => pick(g, [() => g(fc.integer, { min: 86_400, max: 10 * 31_536_000 }), () => pick(g, [86_400, 400 * 86_400, 7 * 31_536_000])])(), () => true);
  const sla: Doc[] = [{ property: "latency", value: latency.value, unit: latency.unit }, { property: "retention", value: retention.value, unit: retention.unit }];
  if (chance(g, 0.4)) {
    const f = duration(g, () => g(fc.integer, { min: 60, max: 7 * 86_400 }), () => true);
    sla.push({ property: "frequency", value: f.value, unit: f.unit });
  }
  if (chance(g, 0.3)) sla.push({ property: "availability", value: pick(g, [99.9, 99, 95.5, 100, "99.95"]), unit: "percent" });
  if (chance(g, 0.2)) sla.push({ property: "generalAvailability", value: "2026-01-31", driver: "operational" });
  const members: Doc[] = [{ username: draw(g, email), role: pick(g, ["owner", "Owner", "OWNER"]) }];
  if (chance(g, 0.4)) members.push({ username: draw(g, email), role: pick(g, ["steward", "engineer", "owner"]), name: "A. Person" });
  const doc: Doc = {
    apiVersion: "v3.1.0",
    kind: "DataContract",
    id: draw(g, UUID),
    name: product,
    version: `${major}.${g(fc.nat, 30)}.${g(fc.nat, 30)}${chance(g, 0.1) ? "-rc.1" : ""}`,
    status: pick(g, ["proposed", "draft", "active", "deprecated", "retired"]),
    domain,
    dataProduct: product,
    description: { purpose: draw(g, PROSE1), ...(chance(g, 0.3) ? { usage: "Analytics and reporting." } : {}) },
    team: { name: draw(g, slug), members },
    schema: shuffle(g, objects),
    slaProperties: shuffle(g, sla),
    customProperties: [{ property: "classification", value: cls }, ...(chance(g, 0.3) ? [{ property: "tier", value: pick(g, [1, "gold", true]) }] : [])],
  };
  if (chance(g, 0.3)) doc.support = [{ channel: "#data-help", url: "https://chat.example.com/data-help", tool: "slack" }];
  if (chance(g, 0.3)) doc.tags = ["mesh", pick(g, ["finance", "ops"])];
  return doc;
}
