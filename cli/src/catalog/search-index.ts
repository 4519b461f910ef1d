import MiniSearch, { type Options, type SearchResult } from "minisearch";
import type { Catalog, CatalogProduct } from "./model";

/** One searchable entry per product: its ports, fields, tags, owners and domain are all searchable. */
export interface SearchDoc {
  id: string;
  name: string;
  title: string;
  domain: string;
  description: string;
  ports: string;
  fields: string;
  fieldDescriptions: string;
  tags: string;
  owners: string;
  classification: string;
  status: string;
}

/** Options shared by the site (loadJSON needs the same ones) and `mesh search`. Plain data: it goes into the page. */
export const SEARCH_OPTIONS = {
  fields: ["name", "title", "domain", "description", "ports", "fields", "fieldDescriptions", "tags", "owners"],
  storeFields: ["id", "title", "domain", "description", "classification", "status"],
  searchOptions: {
    boost: { name: 3, title: 2, fields: 2, ports: 2, domain: 1.5 },
    prefix: true,
    fuzzy: 0.25,
    combineWith: "AND",
  },
} satisfies Options<SearchDoc>;

export function searchDoc(p: CatalogProduct, domainOwner: string): SearchDoc {
  const fields = p.ports.flatMap((port) => port.fields);
  return {
    id: p.id,
    name: p.name,
    title: p.title,
    domain: p.domain,
    description: [p.description, p.purpose].join(" "),
    ports: p.ports.map((port) => port.name).join(" "),
    // Whole names and their words: "lifetime_value_eur" is found as itself and as "lifetime value".
    fields: fields.map((f) => `${f.name} ${f.name.replace(/_/g, " ")}`).join(" "),
    fieldDescriptions: fields.map((f) => f.description).join(" "),
    tags: p.tags.join(" "),
    owners: [...p.owners, p.team, domainOwner, ...p.members.map((m) => m.name ?? "")].join(" "),
    classification: p.classification,
    status: p.status,
  };
}

export function searchDocs(catalog: Catalog): SearchDoc[] {
  const owner = new Map(catalog.domains.map((d) => [d.name, `${d.owner.team} ${d.owner.email}`]));
  return catalog.products.map((p) => searchDoc(p, owner.get(p.domain) ?? ""));
}

/** The index the site inlines and the terminal searches. */
export function buildSearchIndex(catalog: Catalog): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(searchDocs(catalog));
  return index;
}

export interface SearchHit {
  id: string;
  title: string;
  domain: string;
  description: string;
  classification: string;
  status: string;
  score: number;
  /** Which searched words matched which indexed terms (e.g. "lifetme" → "lifetime"). */
  matched: Record<string, string[]>;
}

/** Ranked search: prefix and typo-tolerant; if every word must match and nothing does, any word may. */
export function search(index: MiniSearch<SearchDoc>, query: string): SearchHit[] {
  let results: SearchResult[] = index.search(query);
  if (results.length === 0) results = index.search(query, { combineWith: "OR" });
  return results.map((r) => ({
    id: String(r.id),
    title: String(r.title),
    domain: String(r.domain),
    description: String(r.description),
    classification: String(r.classification),
    status: String(r.status),
    score: Math.round(r.score * 100) / 100,
    matched: r.match,
  }));
}
