import { durationSeconds } from "@data-mesh/components/src/contract/duration";

/**
 * A contract as the change rules compare it: the raw ODCS document (never the platform's parsed model, so a base
 * written for older code still compares), with every property flattened to a dotted name and a path a reader can
 * follow: `schema[customers].properties[address].properties[city]`.
 */
export type Doc = Record<string, any>;

export interface QualityView {
  /** name, metric or rule of the check (its identity across versions), else its position. */
  key: string;
  path: string;
  def: Record<string, unknown>;
}

export interface PropertyView {
  /** Dotted name from the object: `address.city`. The first segment is the column a consumer reads. */
  name: string;
  path: string;
  raw: Record<string, any>;
  quality: QualityView[];
}

export interface ObjectView {
  name: string;
  path: string;
  raw: Record<string, any>;
  properties: PropertyView[];
  quality: QualityView[];
}

export interface SlaView {
  /** Seconds; undefined when not declared or not a duration. */
  latency?: number;
  frequency?: number;
  retention?: number;
  /** Percent. */
  availability?: number;
}

export interface ContractView {
  version: string;
  classification?: string;
  sla: SlaView;
  objects: ObjectView[];
  doc: Doc;
}

function qualityOf(list: unknown, base: string): QualityView[] {
  if (!Array.isArray(list)) return [];
  return list.map((q: Record<string, unknown>, i) => {
    const key = String(q.name ?? q.metric ?? q.rule ?? `#${i + 1}`);
    return { key, path: `${base}.quality[${key}]`, def: q };
  });
}

function flatten(props: unknown, prefix: string, basePath: string, out: PropertyView[]): void {
  if (!Array.isArray(props)) return;
  for (const p of props as Record<string, any>[]) {
    if (!p || typeof p.name !== "string") continue;
    const name = prefix ? `${prefix}.${p.name}` : p.name;
    const path = `${basePath}.properties[${p.name}]`;
    out.push({ name, path, raw: p, quality: qualityOf(p.quality, path) });
    flatten(p.properties, name, path, out);
    if (p.items && typeof p.items === "object") flatten(p.items.properties, `${name}[]`, `${path}.items`, out);
  }
}

function slaSeconds(doc: Doc, property: string): number | undefined {
  const p = (doc.slaProperties ?? []).find((x: { property?: string }) => x.property === property);
  if (!p) return undefined;
  const d = durationSeconds(p.value, p.unit);
  return "seconds" in d ? d.seconds : undefined;
}

export function contractView(doc: Doc): ContractView {
  const objects: ObjectView[] = (Array.isArray(doc.schema) ? doc.schema : [])
    .filter((o: { name?: unknown }) => typeof o?.name === "string")
    .map((o: Record<string, any>) => {
      const path = `schema[${o.name}]`;
      const properties: PropertyView[] = [];
      flatten(o.properties, "", path, properties);
      return { name: o.name, path, raw: o, properties, quality: qualityOf(o.quality, path) };
    });
  const availability = (doc.slaProperties ?? []).find((x: { property?: string }) => x.property === "availability");
  const latency = slaSeconds(doc, "latency");
  return {
    version: String(doc.version ?? "0.0.0"),
    classification: (doc.customProperties ?? []).find((p: { property?: string }) => p.property === "classification")?.value,
    sla: {
      latency,
      // The platform's default: refreshed as often as it may be stale.
      frequency: slaSeconds(doc, "frequency") ?? latency,
      retention: slaSeconds(doc, "retention"),
      availability: availability && Number.isFinite(Number(availability.value)) ? Number(availability.value) : undefined,
    },
    objects,
    doc,
  };
}

/** A property's effective classification: its own, else the contract's. */
export function classificationOf(p: PropertyView, contract: ContractView): string | undefined {
  return p.raw.classification ?? contract.classification;
}

/** A field's list of allowed values, from an ODCS library check's arguments.validValues. */
export function validValuesOf(p: PropertyView): unknown[] | undefined {
  for (const q of p.quality) {
    const args = q.def.arguments as { validValues?: unknown } | undefined;
    if (Array.isArray(args?.validValues)) return args.validValues;
  }
  return undefined;
}
