import type { AccessGrant, MeshModel, ProductModel } from "@data-mesh/components/src/config/model";
import { type AffectedConsumer, domainOwner } from "../findings/model";
import type { ContractChange } from "./rule";
import { contractsOf, declaredFields } from "./snapshot";

/** A port at a major: `domain/product/port@major`, the key consumers declare in their inputs. */
export function portRef(producer: string, port: string, major: number): string {
  return `${producer}/${port}@${major}`;
}

/** The column a consumer reads for a (possibly nested) field: `address` for `address.city`. */
function column(field: string): string {
  return field.split(/[.[]/)[0]!;
}

interface Hit {
  consumer: ProductModel;
  grant: AccessGrant;
  /** The fields (or SLA) of the port the consumer relies on that the change touches. */
  fields: string[];
}

function productsByKey(mesh: MeshModel): Map<string, ProductModel> {
  return new Map(mesh.domains.flatMap((d) => d.products.map((p) => [`${p.domain}/${p.name}`, p] as const)));
}

/**
 * Readers of `producer`'s ports at `major` that the change reaches: those reading the changed field, every reader
 * of the changed port, or every reader of the contract.
 */
function directReaders(products: Map<string, ProductModel>, producer: ProductModel, major: number, scope: ContractChange["scope"], port: string | undefined, fields: string[] | undefined): Hit[] {
  return producer.consumers
    .filter((g) => g.major === major && (scope === "contract" || g.port === port))
    .map((grant) => {
      const read = declaredFields(grant);
      const touched = scope === "field" ? read.filter((f) => fields!.some((x) => column(x) === f)) : read;
      return { consumer: products.get(`${grant.consumerDomain}/${grant.consumerProduct}`)!, grant, fields: touched };
    })
    .filter((h) => h.consumer && h.fields.length > 0);
}

/**
 * A transformSourceObjects entry naming a port of another product: `domain/product/port[@major][.field]` (the
 * major defaults to the one the product reads).
 */
function parseSource(s: unknown): { port: string; major?: number; field?: string } | undefined {
  const m = typeof s === "string" ? s.match(/^([a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9_]+)(?:@(\d+))?(?:\.(.+))?$/) : null;
  return m ? { port: m[1]!, major: m[2] ? Number(m[2]) : undefined, field: m[3] } : undefined;
}

/**
 * Output fields of `consumer` declared (ODCS transformSourceObjects) as derived from fields of the port `source`
 * (`domain/product/port@major`); `fields` "all" matches any field of it.
 */
export function derivedFields(consumer: ProductModel, source: string, fields: string[] | "all"): { port: string; major: number; fields: string[] }[] {
  const at = source.lastIndexOf("@");
  const port = source.slice(0, at);
  const major = Number(source.slice(at + 1));
  const matches = (s: unknown) => {
    const x = parseSource(s);
    if (!x || x.port !== port || (x.major !== undefined && x.major !== major)) return false;
    return x.field === undefined || fields === "all" || fields.includes(column(x.field));
  };
  const out: { port: string; major: number; fields: string[] }[] = [];
  for (const contract of contractsOf(consumer)) {
    for (const obj of (contract.doc.schema ?? []) as { name: string; properties?: Record<string, any>[] }[]) {
      // The current major serves its outputPorts; an older major serves every object of its file.
      if (contract === consumer.contract && !consumer.config.outputPorts.includes(obj.name)) continue;
      const derived = (obj.properties ?? []).filter((p) => ((p.transformSourceObjects as unknown[] | undefined) ?? []).some(matches)).map((p) => String(p.name));
      if (derived.length > 0) out.push({ port: obj.name, major: contract.major, fields: derived });
    }
  }
  return out;
}

/**
 * Every declared consumer a change reaches: the direct readers, then (following declared derivations) the readers
 * of ports built from what they read, hop by hop. Each is named once, at its shortest distance.
 */
export function affectedConsumers(mesh: MeshModel, producer: ProductModel, major: number, change: ContractChange, reliesOn: (fields: string[]) => string): AffectedConsumer[] {
  const products = productsByKey(mesh);
  const out: AffectedConsumer[] = [];
  const seen = new Set<string>();
  let frontier: { hit: Hit; via: string[] }[] = directReaders(products, producer, major, change.scope, change.port, change.field ? [change.field] : undefined).map((hit) => ({ hit, via: [] }));
  for (let hops = 1; frontier.length > 0 && hops <= 50; hops++) {
    const next: typeof frontier = [];
    for (const { hit, via } of frontier) {
      const who = `${hit.consumer.domain}/${hit.consumer.name}`;
      const source = portRef(producerOf(producer, via), hit.grant.port, hit.grant.major);
      if (!seen.has(who)) {
        seen.add(who);
        out.push({ product: who, owner: domainOwner(mesh, hit.consumer.domain, hit.consumer.name), reliesOn: hops === 1 ? reliesOn(hit.fields) : `${hit.fields.join(", ")} of ${source}`, hops, ...(via.length ? { via } : {}) });
      }
      // Downstream: ports of this consumer built from what it reads of the changed port.
      for (const d of derivedFields(hit.consumer, source, change.scope === "field" || hops > 1 ? hit.fields : "all")) {
        const ref = portRef(who, d.port, d.major);
        if (seen.has(`${ref}|${d.fields.join()}`)) continue;
        seen.add(`${ref}|${d.fields.join()}`);
        for (const h of directReaders(products, hit.consumer, d.major, "field", d.port, d.fields)) next.push({ hit: h, via: [...via, ref] });
      }
    }
    frontier = next;
  }
  return out;
}

/** The producer whose port a hit reads: the changed product for direct readers, else the last port of the path. */
function producerOf(producer: ProductModel, via: string[]): string {
  if (via.length === 0) return `${producer.domain}/${producer.name}`;
  const last = via[via.length - 1]!;
  return last.slice(0, last.lastIndexOf("/"));
}
