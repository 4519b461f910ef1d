import { resolve } from "node:path";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import { readPlanFacts } from "../catalog/facts";
import { buildCatalog, type Catalog, type CatalogProduct } from "../catalog/model";
import { accessSnippet } from "../catalog/pages/product";
import { buildSearchIndex, search, type SearchHit } from "../catalog/search-index";
import { CliError, EXIT } from "../errors";

function load(root: string, out: string): Catalog {
  return buildCatalog(loadMesh(resolve(root)), readPlanFacts(root, out));
}

/** `mesh search <words>`: the site's index, searched from the terminal. */
export function searchCommand(o: { root: string; out: string; words: string[]; json: boolean; limit: number }): string {
  const catalog = load(o.root, o.out);
  const hits = search(buildSearchIndex(catalog), o.words.join(" ")).slice(0, o.limit);
  if (o.json) return JSON.stringify(hits, null, 2);
  if (hits.length === 0) return `No product matches "${o.words.join(" ")}".`;
  const byId = new Map(catalog.products.map((p) => [p.id, p]));
  return hits.map((h) => renderHit(h, byId.get(h.id)!)).join("\n");
}

function renderHit(h: SearchHit, p: CatalogProduct): string {
  const terms = Object.entries(h.matched).map(([term, fields]) => `${term} (${fields.join(", ")})`).join(", ");
  const fieldHits = p.ports.flatMap((port) => port.fields.filter((f) => Object.keys(h.matched).some((t) => f.name === t || f.name.split("_").includes(t))).map((f) => `${port.name}.${f.name}`));
  return [
    `${h.id}  [${h.classification}, ${h.status}]  score ${h.score}`,
    `  ${h.description}`,
    `  matched: ${terms}${fieldHits.length > 0 ? `; fields: ${fieldHits.join(", ")}` : ""}`,
    `  mesh show ${h.id}`,
  ].join("\n");
}

/** `mesh show <domain/product>`: what the product page shows, as text or JSON. */
export function showCommand(o: { root: string; out: string; id: string; json: boolean }): string {
  const catalog = load(o.root, o.out);
  const p = catalog.products.find((x) => x.id === o.id);
  if (!p) {
    const near = search(buildSearchIndex(catalog), o.id.replace("/", " ")).slice(0, 3).map((h) => h.id);
    throw new CliError(EXIT.config, `no product ${o.id} in ${resolve(o.root)} (expected domain/product${near.length > 0 ? `; did you mean ${near.join(", ")}?` : ""})`);
  }
  if (o.json) return JSON.stringify(p, null, 2);
  const lines = [
    `${p.id} — ${p.title} v${p.version} [${p.status}, ${p.classification}${p.containsPii ? ", PII" : ""}${p.containsPhi ? ", PHI" : ""}]`,
    p.description,
    "",
    `Purpose: ${p.purpose}`,
    ...(p.usage ? [`Usage: ${p.usage}`] : []),
    ...(p.limitations ? [`Limitations: ${p.limitations}`] : []),
    `Owner: ${p.owners.join(", ")} (team ${p.team})`,
    `Support: ${p.support.map((s) => `${s.channel}${s.url ? ` ${s.url}` : ""}`).join(", ") || "ask the owner"}`,
    `SLA: ${p.sla.map((s) => `${s.property} ${String(s.value)}${s.unit ? ` ${s.unit}` : ""}`).join(", ")}`,
    "",
    ...p.ports.flatMap((port) => [
      `Port ${port.name}@${port.majors.map((m) => m.major).join(",")} (${port.classification}): ${port.description}`,
      ...port.fields.map((f) => `  ${f.name.padEnd(28)} ${f.logicalType.padEnd(10)} ${f.classification}${f.pii ? (f.phi ? " PHI" : " PII") : ""}${f.primaryKey ? " key" : ""}${f.partition ? " partition" : ""}  ${f.description}`),
    ]),
    "",
    `Inputs: ${p.inputs.map((i) => `${i.from} (${i.fields.join(", ")})`).join("; ") || "none"}`,
    `Consumers: ${p.consumers.map((c) => `${c.consumer} reads ${c.port}@${c.major} (${c.fields.join(", ")})${c.access === "pending" ? " pending" : ""}`).join("; ") || "none"}`,
    "",
    ...p.locations.map((l) => `${l.env}: s3://${l.bucket}/  Glue ${l.database}.${l.ports.map((x) => x.table).join(", ")}  workgroup ${l.workgroup}${l.monthlyCostUsd !== undefined ? `  $${l.monthlyCostUsd.toFixed(2)}/month` : ""}`),
    "",
    "Request access: add to your product.yaml",
    accessSnippet(p, p.ports[0]!.name, p.ports[0]!.majors[0]!.major, p.ports[0]!.fields.slice(0, 3).map((f) => f.name)),
    `Approved by: ${p.access.autoApprove.length > 0 ? `auto for ${p.access.autoApprove.join(", ")}; ` : ""}otherwise an owner (${p.owners.join(", ")}) adds you to access.approvals.`,
  ];
  return lines.join("\n");
}
