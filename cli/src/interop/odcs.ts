import { basename } from "node:path";
import { CLASSIFICATIONS, type Classification } from "@data-mesh/components/src/config/common";
import { ConfigError } from "@data-mesh/components/src/config/errors";
import { classificationRank, maxClassification, minimumFor } from "@data-mesh/components/src/contract/classification";
import { odcsSchemaProblems } from "@data-mesh/components/src/contract/odcs-schema";
import { get, has, pointer, remove, set } from "./json-pointer";

/**
 * ODCS import and export. A contract from elsewhere rarely has everything the platform needs (snake_case names,
 * an owner, a latency and a retention SLA, a classification); import adds or rewrites exactly those, and records
 * every change in one custom property, so export can undo them and give back the document as it came in.
 */
export const IMPORT_RECORD = "meshImport";

export type Change = { op: "add"; path: string } | { op: "replace"; path: string; was: unknown };

export interface ImportOptions {
  domain: string;
  product: string;
  /** Username of the accountable owner, when the contract names none. */
  owner?: string;
  /** Classification of the contract when it declares none. @default the most sensitive field's, at least internal */
  classification?: Classification;
}

export interface Imported {
  /** The contract as the mesh keeps it (valid ODCS v3.1.0 and valid for the platform). */
  doc: Record<string, unknown>;
  changes: Change[];
  /** What the import changed or added, for the user to review. */
  adjusted: string[];
  /** What the contract asks for that the blueprint will not provision. */
  notProvisioned: string[];
}

const SERVED_SERVERS = new Set(["s3", "athena", "glue"]);
const RUN_QUALITY = new Set(["library", "sql", "text", undefined]);

/** `UniqueID` → `unique_id`, `Air Quality` → `air_quality`: names Glue and the platform accept. */
export function snakeCase(name: string): string {
  let s = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!/^[a-z]/.test(s)) s = `f_${s}`;
  return s.slice(0, 128).replace(/_+$/, "");
}

const clone = <T>(v: T): T => structuredClone(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const asClassification = (v: unknown): Classification | undefined => (CLASSIFICATIONS as readonly unknown[]).includes(v) ? (v as Classification) : undefined;

/** Turns any valid ODCS v3.x document into the mesh's contract for `domain/product`, or a ConfigError. */
export function toMeshContract(source: unknown, file: string, o: ImportOptions): Imported {
  if (!isObject(source)) throw new ConfigError(file, "", "is not an ODCS document (expected a mapping with apiVersion, kind: DataContract, id, version, status)");
  if (source.kind !== "DataContract") throw new ConfigError(file, "kind", "must be DataContract (an ODCS data contract)");
  if (typeof source.apiVersion !== "string" || !/^v3\.\d+\.\d+$/.test(source.apiVersion)) {
    throw new ConfigError(file, "apiVersion", `is ${JSON.stringify(source.apiVersion)}; the import reads ODCS v3.x documents (v3.0.0 to v3.1.0)`);
  }
  const problems = odcsSchemaProblems(source);
  if (problems.length > 0) throw new ConfigError(file, problems[0]!.field, problems[0]!.problem);

  const doc = clone(source);
  const changes: Change[] = [];
  const adjusted: string[] = [];
  const notProvisioned: string[] = [];
  const put = (path: string, value: unknown, why: string) => {
    if (has(doc, path)) changes.push({ op: "replace", path, was: clone(get(doc, path)) });
    else changes.push({ op: "add", path });
    set(doc, path, value);
    adjusted.push(`${path.slice(1).replace(/\//g, ".")}: ${why}`);
  };
  const append = (arrayPath: string, value: unknown, why: string) => {
    if (!Array.isArray(get(doc, arrayPath))) put(arrayPath, [], "added (empty)");
    put(`${arrayPath}/${(get(doc, arrayPath) as unknown[]).length}`, value, why);
  };

  if (doc.apiVersion !== "v3.1.0") put("/apiVersion", "v3.1.0", `${String(source.apiVersion)} → v3.1.0 (the platform reads v3.1; the rest of the document is unchanged)`);
  if (doc.domain !== o.domain) put("/domain", o.domain, `set to ${o.domain}, the domain folder`);
  if (doc.dataProduct !== o.product) put("/dataProduct", o.product, `set to ${o.product}, the product folder`);
  if (typeof doc.name !== "string" || doc.name.length === 0) put("/name", o.product, "added (the product name)");
  if (!isObject(doc.description)) put("/description", { purpose: `${String(doc.name)} (imported from ${basename(file)}).` }, "added: write the product's purpose here");
  else if (typeof doc.description.purpose !== "string" || doc.description.purpose.length === 0) put("/description/purpose", `${String(doc.name)} (imported from ${basename(file)}).`, "added: write the product's purpose here");

  // Team: the v3.1 object, with an accountable owner.
  if (Array.isArray(doc.team)) put("/team", { name: o.domain, members: doc.team }, "the deprecated v3.0 member list became a v3.1 team object");
  if (!isObject(doc.team)) put("/team", { name: o.domain, members: [] }, `added, named ${o.domain}`);
  const team = doc.team as Record<string, unknown>;
  if (typeof team.name !== "string" || team.name.length === 0) put("/team/name", o.domain, `added (${o.domain})`);
  const members = Array.isArray(team.members) ? (team.members as Record<string, unknown>[]) : [];
  if (!members.some((m) => String(m.role ?? "").toLowerCase() === "owner")) {
    if (!o.owner) {
      throw new ConfigError(file, "team.members", `no member has role owner (${members.map((m) => `${String(m.username)}: ${String(m.role ?? "no role")}`).join(", ") || "no members"}); pass --owner <username> to name the accountable owner`);
    }
    const at = members.findIndex((m) => m.username === o.owner);
    if (at >= 0) put(`/team/members/${at}/role`, "owner", `${o.owner} is the owner (--owner)`);
    else append("/team/members", { username: o.owner, role: "owner" }, `${o.owner} added as owner (--owner)`);
  }

  // Schema: snake_case names, a description per object, classifications the platform knows.
  const schema = Array.isArray(doc.schema) ? (doc.schema as Record<string, unknown>[]) : [];
  const fieldClasses: Classification[] = [];
  const at = (path: string) => path.slice(1).replace(/\/(\d+)/g, "[$1]").replace(/\//g, ".");
  const walkProperty = (p: Record<string, unknown>, path: string, seen: Set<string>, isItem: boolean) => {
    const name = String(p.name ?? "");
    if (!name && !isItem) throw new ConfigError(file, at(path), "a property needs a name");
    const snake = snakeCase(name || "item");
    if (seen.has(snake)) throw new ConfigError(file, `${at(path)}.name`, `${name} and another property both become ${snake}; rename one`);
    seen.add(snake);
    if (snake !== name) put(`${path}/name`, snake, `${name || "(no name)"} → ${snake} (Glue column names are snake_case)`);
    if (p.logicalType === undefined) throw new ConfigError(file, `${at(path)}.logicalType`, "is needed to type the Glue column: one of string, date, timestamp, time, number, integer, object, array, boolean");
    const tags = Array.isArray(p.tags) ? p.tags.map((t) => String(t).toLowerCase()) : [];
    const minimum = minimumFor(tags);
    const declared = p.classification === undefined ? undefined : asClassification(p.classification);
    if (p.classification !== undefined && !declared) {
      const to = maxClassification(["internal", minimum]);
      put(`${path}/classification`, to, `"${String(p.classification)}" is not a platform classification (${CLASSIFICATIONS.join(", ")}); ${to} — review it`);
      fieldClasses.push(to);
    } else if (declared && classificationRank(declared) < classificationRank(minimum)) {
      put(`${path}/classification`, minimum, `${declared} → ${minimum}: the field is tagged ${tags.join(", ")}`);
      fieldClasses.push(minimum);
    } else {
      fieldClasses.push(declared ?? minimum);
    }
    for (const [qi, q] of (Array.isArray(p.quality) ? (p.quality as Record<string, unknown>[]) : []).entries()) {
      if (!RUN_QUALITY.has(q.type as string | undefined)) notProvisioned.push(`quality rule ${at(path)}.quality[${qi}] (type ${String(q.type)}${q.engine ? `, engine ${String(q.engine)}` : ""}): kept in the contract, not run by the platform's quality runner`);
    }
    walkProperties(p.properties, `${path}/properties`);
    if (isObject(p.items)) walkProperty(p.items, `${path}/items`, new Set(), true);
  };
  const walkProperties = (props: unknown, base: string) => {
    if (!Array.isArray(props)) return;
    const seen = new Set<string>();
    props.forEach((p: Record<string, unknown>, i) => walkProperty(p, `${base}/${i}`, seen, false));
  };
  const objectNames = new Set<string>();
  schema.forEach((obj, oi) => {
    const path = `/schema/${oi}`;
    const name = String(obj.name ?? "");
    const snake = snakeCase(name || `object_${oi + 1}`);
    if (objectNames.has(snake)) throw new ConfigError(file, `schema[${oi}].name`, `two schema objects become ${snake}; rename one`);
    objectNames.add(snake);
    if (snake !== name) put(`${path}/name`, snake, `${name || "(none)"} → ${snake} (ports and Glue tables are snake_case)`);
    if (obj.physicalType !== undefined && obj.physicalType !== "table" && obj.physicalType !== "view") {
      notProvisioned.push(`schema[${oi}] ${snake} is a ${String(obj.physicalType)}: published as a Glue table over Parquet files, not as a ${String(obj.physicalType)}`);
      put(`${path}/physicalType`, "table", `${String(obj.physicalType)} → table (ports are Glue tables)`);
    }
    if (typeof obj.description !== "string" || obj.description.length === 0) put(`${path}/description`, `One row of ${snake}.`, "added: say what one row means");
    walkProperties(obj.properties, `${path}/properties`);
    for (const [qi, q] of (Array.isArray(obj.quality) ? (obj.quality as Record<string, unknown>[]) : []).entries()) {
      if (!RUN_QUALITY.has(q.type as string | undefined)) notProvisioned.push(`quality rule schema[${oi}].quality[${qi}] (type ${String(q.type)}${q.engine ? `, engine ${String(q.engine)}` : ""}): kept in the contract, not run by the platform's quality runner`);
    }
  });

  // Service levels the blueprint provisions from: freshness (alarm) and retention (lifecycle).
  const sla = () => (Array.isArray(doc.slaProperties) ? (doc.slaProperties as Record<string, unknown>[]) : []);
  if (!sla().some((p) => p.property === "latency")) append("/slaProperties", { property: "latency", value: 1, unit: "d" }, "latency 1 d added (the freshness alarm needs one) — set the real freshness");
  if (!sla().some((p) => p.property === "retention")) append("/slaProperties", { property: "retention", value: 1, unit: "y" }, "retention 1 y added (lifecycle expiry needs one) — set the real retention");

  const custom = () => (Array.isArray(doc.customProperties) ? (doc.customProperties as Record<string, unknown>[]) : []);
  const clsAt = custom().findIndex((p) => p.property === "classification");
  const contractClass = o.classification ?? maxClassification(["internal", ...fieldClasses]);
  if (clsAt < 0) append("/customProperties", { property: "classification", value: contractClass }, `classification ${contractClass} added${o.classification ? " (--classification)" : " (the most sensitive field's, at least internal) — review it"}`);
  else if (!asClassification(custom()[clsAt]!.value) || classificationRank(asClassification(custom()[clsAt]!.value)!) < classificationRank(maxClassification(fieldClasses))) {
    put(`/customProperties/${clsAt}/value`, maxClassification(["internal", ...fieldClasses]), "raised to the most sensitive field's classification");
  }

  for (const [i, s] of (Array.isArray(doc.servers) ? (doc.servers as Record<string, unknown>[]) : []).entries()) {
    if (!SERVED_SERVERS.has(String(s.type))) notProvisioned.push(`servers[${i}] ${String(s.server ?? "")} (${String(s.type)}): kept in the contract; the blueprint serves ports from S3 through Glue and Athena only`);
  }
  if (Array.isArray(doc.roles) && doc.roles.length > 0) notProvisioned.push(`roles (${doc.roles.length}): kept in the contract; access is granted from product.yaml (inputs and access), not from ODCS roles`);
  if (doc.price !== undefined) notProvisioned.push("price: kept in the contract; the catalog shows the plan's cost estimate instead");

  if (changes.length > 0) append("/customProperties", { property: IMPORT_RECORD, value: [], description: "What `mesh import odcs` changed; `mesh export odcs` undoes it." }, "the import record");
  const recordAt = custom().findIndex((p) => p.property === IMPORT_RECORD);
  if (recordAt >= 0) {
    // The record itself is removed by name on export; everything before it is undone from the record.
    changes.pop();
    adjusted.pop();
    custom()[recordAt]!.value = clone(changes);
  }
  const after = odcsSchemaProblems(doc);
  if (after.length > 0) throw new ConfigError(file, after[0]!.field, `after import: ${after[0]!.problem}`);
  return { doc, changes, adjusted, notProvisioned };
}

/** The contract as ODCS: the mesh's document with every import change undone (a no-op for native contracts). */
export function fromMeshContract(meshDoc: unknown): Record<string, unknown> {
  const doc = clone(meshDoc) as Record<string, unknown>;
  const custom = Array.isArray(doc.customProperties) ? (doc.customProperties as Record<string, unknown>[]) : [];
  const at = custom.findIndex((p) => p.property === IMPORT_RECORD);
  if (at < 0) return doc;
  const changes = custom[at]!.value as Change[];
  custom.splice(at, 1);
  for (const c of [...changes].reverse()) {
    if (c.op === "add") {
      if (has(doc, c.path)) remove(doc, c.path);
    } else {
      set(doc, c.path, clone(c.was));
    }
  }
  return doc;
}

export { pointer };
