import { type Classification, classification as classificationSchema } from "../config/common";
import { ConfigError } from "../config/errors";
import { ATHENA_QUERY_STRING_BYTES, MAX_COLUMNS_PER_TABLE } from "../config/limits";
import { allowedKeysAt, parseYaml, readConfigFile, validate } from "../config/validate";
import { classificationRank, maxClassification, minimumFor } from "./classification";
import { durationSeconds } from "./duration";
import { glueType } from "./glue-types";
import { withNamedPaths } from "./named-path";
import { odcsSchemaProblems, type SchemaProblem } from "./odcs-schema";
import { suggestKey } from "../config/suggest";
import { type ContractDoc, type ContractProperty, contractSchema } from "./schema";

export interface PortColumn {
  name: string;
  glueType: string;
  description: string;
  classification: Classification;
  pii: boolean;
  phi: boolean;
  required: boolean;
  primaryKey: boolean;
}

export interface QualityRule {
  port: string;
  field?: string;
  name: string;
  dimension?: string;
  severity: string;
  definition: Record<string, unknown>;
}

export interface ContractPort {
  name: string;
  description: string;
  columns: PortColumn[];
  /** Partition columns in partitionKeyPosition order (Glue keeps them apart from the data columns). */
  partitionKeys: PortColumn[];
  classification: Classification;
  containsPii: boolean;
  containsPhi: boolean;
  quality: QualityRule[];
}

export interface ContractSla {
  /** Freshness: data is at most this old. Drives the freshness alarm. */
  latencySeconds: number;
  /** What the latency is measured on (`object.property`, the SLA's `element`), when the contract says. */
  latencyElement?: string;
  /** How often the product is refreshed; drives the quality alarm period. Defaults to the latency. */
  frequencySeconds: number;
  /** How long data is kept; drives lifecycle expiry and Object Lock retention. */
  retentionDays: number;
  /** Availability target in percent, when declared. */
  availabilityPercent?: number;
  /** ODCS `endOfSupport` SLA property (a date): the producer stops fixing this major after it. */
  endOfSupport?: string;
  /** ODCS `endOfLife` SLA property (a date): the producer stops serving this major after it. */
  endOfLife?: string;
}

export interface ContractModel {
  file: string;
  id: string;
  name: string;
  version: string;
  major: number;
  status: string;
  classification: Classification;
  team: string;
  owners: string[];
  ports: Record<string, ContractPort>;
  sla: ContractSla;
  /** The document as written, for lossless export. */
  doc: ContractDoc;
}

function customProperty(doc: ContractDoc, name: string): unknown {
  return doc.customProperties.find((p) => p.property === name)?.value;
}

function slaSeconds(doc: ContractDoc, file: string, name: string): number | undefined {
  const index = doc.slaProperties.findIndex((p) => p.property === name);
  if (index < 0) return undefined;
  const p = doc.slaProperties[index]!;
  const d = durationSeconds(p.value, p.unit);
  if ("problem" in d) throw new ConfigError(file, `slaProperties[${index}]`, `${name}: ${d.problem}`);
  return d.seconds;
}

function readSla(doc: ContractDoc, file: string): ContractSla {
  const latency = slaSeconds(doc, file, "latency");
  if (latency === undefined) {
    throw new ConfigError(file, "slaProperties", "add a latency property (the freshness SLA), e.g. { property: latency, value: 15, unit: min }");
  }
  const retention = slaSeconds(doc, file, "retention");
  if (retention === undefined) {
    throw new ConfigError(file, "slaProperties", "add a retention property, e.g. { property: retention, value: 7, unit: y }");
  }
  const availabilityIndex = doc.slaProperties.findIndex((p) => p.property === "availability");
  let availabilityPercent: number | undefined;
  if (availabilityIndex >= 0) {
    const v = Number(doc.slaProperties[availabilityIndex]!.value);
    if (!(v > 0 && v <= 100)) throw new ConfigError(file, `slaProperties[${availabilityIndex}].value`, "availability must be a percentage between 0 and 100, such as 99.9");
    availabilityPercent = v;
  }
  const endOfSupport = slaDate(doc, file, "endOfSupport");
  const endOfLife = slaDate(doc, file, "endOfLife");
  if (endOfSupport && endOfLife && endOfSupport > endOfLife) {
    throw new ConfigError(file, `slaProperties[${doc.slaProperties.findIndex((p) => p.property === "endOfSupport")}].value`, `endOfSupport ${endOfSupport} is after endOfLife ${endOfLife}; support ends on or before end of life`);
  }
  const latencyElement = doc.slaProperties.find((p) => p.property === "latency")?.element;
  return {
    latencySeconds: latency,
    latencyElement: typeof latencyElement === "string" ? latencyElement : undefined,
    frequencySeconds: slaSeconds(doc, file, "frequency") ?? latency,
    retentionDays: Math.max(1, Math.ceil(retention / 86400)),
    availabilityPercent,
    ...(endOfSupport ? { endOfSupport } : {}),
    ...(endOfLife ? { endOfLife } : {}),
  };
}

/** An SLA property holding a date (ODCS writes `2032-05-12` or a full ISO timestamp): its calendar day. */
function slaDate(doc: ContractDoc, file: string, name: string): string | undefined {
  const index = doc.slaProperties.findIndex((p) => p.property === name);
  if (index < 0) return undefined;
  const value = String(doc.slaProperties[index]!.value ?? "");
  const day = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.exec(value)?.[1];
  if (!day || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new ConfigError(file, `slaProperties[${index}].value`, `${name} must be a date such as 2027-06-30 (or an ISO timestamp), not "${value}"`);
  }
  return day;
}

function toColumn(p: ContractProperty, path: string, file: string, contractClass: Classification): PortColumn {
  const mapped = glueType(p);
  if ("problem" in mapped) throw new ConfigError(file, path, mapped.problem);
  const tags = (p.tags ?? []).map((t) => t.toLowerCase());
  const cls = p.classification ?? contractClass;
  const minimum = minimumFor(tags);
  if (classificationRank(cls) < classificationRank(minimum)) {
    throw new ConfigError(file, `${path}.classification`, `a field tagged ${tags.includes("phi") ? "phi" : tags.includes("pii") ? "pii" : "pci"} must be classified at least ${minimum} (is ${cls})`);
  }
  if (classificationRank(cls) > classificationRank(contractClass)) {
    throw new ConfigError(file, `${path}.classification`, `${cls} is above the contract's classification ${contractClass}; raise the customProperty classification`);
  }
  return {
    name: p.name,
    glueType: mapped.type,
    description: p.description ?? p.businessName ?? "",
    classification: cls,
    pii: tags.includes("pii") || tags.includes("phi"),
    phi: tags.includes("phi"),
    required: p.required === true,
    primaryKey: p.primaryKey === true,
  };
}

function qualityRules(port: string, field: string | undefined, rules: Record<string, unknown>[] | undefined): QualityRule[] {
  return (rules ?? []).map((r, i) => ({
    port,
    field,
    name: String(r.name ?? r.metric ?? r.rule ?? `${field ?? port}_check_${i + 1}`),
    dimension: typeof r.dimension === "string" ? r.dimension : undefined,
    severity: typeof r.severity === "string" ? r.severity : "error",
    definition: r,
  }));
}

function readPorts(doc: ContractDoc, file: string, contractClass: Classification): Record<string, ContractPort> {
  const ports: Record<string, ContractPort> = {};
  doc.schema.forEach((obj, oi) => {
    const base = `schema[${oi}]`;
    if (ports[obj.name]) throw new ConfigError(file, `${base}.name`, `schema object "${obj.name}" is declared twice`);
    const seen = new Set<string>();
    const columns: PortColumn[] = [];
    const partitions: { col: PortColumn; position: number; path: string }[] = [];
    const quality = qualityRules(obj.name, undefined, obj.quality);
    obj.properties.forEach((p, pi) => {
      const path = `${base}.properties[${pi}]`;
      if (seen.has(p.name)) throw new ConfigError(file, `${path}.name`, `property "${p.name}" is declared twice in ${obj.name}`);
      seen.add(p.name);
      const col = toColumn(p, path, file, contractClass);
      quality.push(...qualityRules(obj.name, p.name, p.quality));
      if (p.partitioned) partitions.push({ col, position: p.partitionKeyPosition ?? partitions.length + 1, path });
      else columns.push(col);
    });
    partitions.sort((a, b) => a.position - b.position);
    partitions.forEach((p, i) => {
      if (p.position !== i + 1) {
        throw new ConfigError(file, `${p.path}.partitionKeyPosition`, `partition positions must be 1..${partitions.length} without gaps (found ${p.position})`);
      }
    });
    if (columns.length === 0) throw new ConfigError(file, `${base}.properties`, "at least one property must not be a partition key");
    const all = [...columns, ...partitions.map((p) => p.col)];
    ports[obj.name] = {
      name: obj.name,
      description: obj.description,
      columns,
      partitionKeys: partitions.map((p) => p.col),
      classification: maxClassification(all.map((c) => c.classification)),
      containsPii: all.some((c) => c.pii),
      containsPhi: all.some((c) => c.phi),
      quality,
    };
  });
  return ports;
}

/** Properties nested deeper than this are refused: Glue types stay readable, and schema validation stays fast. */
const MAX_PROPERTY_DEPTH = 8;

/** Nested objects and arrays inside a property: ODCS validation time grows exponentially with this depth. */
function checkNesting(doc: unknown, file: string): void {
  const schema = (doc as { schema?: unknown })?.schema;
  if (!Array.isArray(schema)) return;
  const walk = (node: unknown, path: string, depth: number): void => {
    if (!node || typeof node !== "object") return;
    if (depth > MAX_PROPERTY_DEPTH) throw new ConfigError(file, path, `properties nest deeper than ${MAX_PROPERTY_DEPTH} levels; flatten the structure or publish it as a separate port`);
    const n = node as { properties?: unknown; items?: unknown };
    if (Array.isArray(n.properties)) n.properties.forEach((p, i) => walk(p, `${path}.properties[${i}]`, depth + 1));
    if (n.items) walk(n.items, `${path}.items`, depth + 1);
  };
  schema.forEach((o, i) => walk(o, `schema[${i}]`, 0));
}

/**
 * A schema object is one Glue table: more columns than MAX_COLUMNS_PER_TABLE cannot be queried (see limits.ts).
 * Counted on the parsed document, before the ODCS schema validation whose time grows with it.
 */
function checkColumnCount(doc: unknown, file: string): void {
  const schema = (doc as { schema?: unknown })?.schema;
  if (!Array.isArray(schema)) return;
  schema.forEach((o, i) => {
    const properties = (o as { properties?: unknown })?.properties;
    if (!Array.isArray(properties) || properties.length <= MAX_COLUMNS_PER_TABLE) return;
    const name = (o as { name?: unknown }).name;
    throw new ConfigError(file, typeof name === "string" ? `schema "${name}"` : `schema[${i}]`, `has ${properties.length.toLocaleString("en-US")} properties; a port is one Glue table of at most ${MAX_COLUMNS_PER_TABLE.toLocaleString("en-US")} columns (the table's DDL and a SELECT of every column must fit Athena's ${ATHENA_QUERY_STRING_BYTES.toLocaleString("en-US")}-byte query string quota; see Limits in docs/domain-team.md): split it into several ports`);
  });
}

/**
 * A key ODCS does not know gets the nearest key the platform reads at that place ("did you mean"), and then the
 * "is required" problem of that same key is left out: one typo, one error, the one that says what to fix.
 */
function withSuggestions(problems: SchemaProblem[]): SchemaProblem[] {
  const covered = new Set<string>();
  const named = problems.map((p) => {
    if (p.unknownKey === undefined) return p;
    const near = suggestKey(p.unknownKey, allowedKeysAt(contractSchema, p.parent) ?? []);
    if (!near) return p;
    covered.add(`${p.parent.join("/")}|${near}`);
    return { ...p, problem: `unknown key "${p.unknownKey}"; did you mean "${near}"? (not part of ODCS v3.1.0)` };
  });
  return named.filter((p) => p.missingKey === undefined || !covered.has(`${p.parent.join("/")}|${p.missingKey}`));
}

/** Loads a contract.odcs.yaml: ODCS v3.1 schema first, then what the platform needs, then semantics. */
export function loadContract(path: string, file: string, expected: { domain: string; product: string }): ContractModel {
  return parseContract(readConfigFile(path, file), file, expected);
}

/** Validates contract text (see loadContract); `file` is the name used in errors. */
export function parseContract(text: string, file: string, expected: { domain: string; product: string }): ContractModel {
  const raw = parseYaml(text, file);
  try {
    return parseContractDoc(raw, file, expected);
  } catch (e) {
    throw withNamedPaths(e, raw, file);
  }
}

function parseContractDoc(raw: unknown, file: string, expected: { domain: string; product: string }): ContractModel {
  checkColumnCount(raw, file);
  checkNesting(raw, file);
  const problems = withSuggestions(odcsSchemaProblems(raw));
  if (problems.length > 0) throw new ConfigError(file, problems[0]!.field, problems[0]!.problem);
  const doc = validate(contractSchema, raw, file);
  if (doc.domain !== expected.domain) throw new ConfigError(file, "domain", `must be "${expected.domain}", the domain folder this contract is in`);
  if (doc.dataProduct !== expected.product) throw new ConfigError(file, "dataProduct", `must be "${expected.product}", the product folder this contract is in`);
  const clsIndex = doc.customProperties.findIndex((p) => p.property === "classification");
  const cls = classificationSchema.safeParse(customProperty(doc, "classification"));
  if (!cls.success) {
    throw new ConfigError(file, clsIndex >= 0 ? `customProperties[${clsIndex}].value` : "customProperties", "add { property: classification, value: public | internal | confidential | restricted }");
  }
  const owners = doc.team.members.filter((m) => (m.role ?? "").toLowerCase() === "owner").map((m) => m.username);
  if (owners.length === 0) throw new ConfigError(file, "team.members", "at least one member needs role: owner (every product has an accountable owner)");
  return {
    file,
    id: doc.id,
    name: doc.name,
    version: doc.version,
    major: Number(doc.version.split(".")[0]),
    status: doc.status,
    classification: cls.data,
    team: doc.team.name,
    owners,
    ports: readPorts(doc, file, cls.data),
    sla: readSla(doc, file),
    doc,
  };
}
