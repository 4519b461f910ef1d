import { html, scriptJson } from "../html";
import type { Catalog } from "../model";
import { SEARCH_OPTIONS } from "../search-index";
import type MiniSearch from "minisearch";
import { badge, classificationBadge, page } from "./layout";

function facet(name: string, legend: string, values: string[]) {
  return html`<fieldset class="facet" data-facet="${name}"><legend>${legend}</legend>${values.map((v) => html`<label><input type="checkbox" name="${name}" value="${v}"> ${v}</label>`)}</fieldset>`;
}

/**
 * The home page: every product in a list that works without JavaScript, and a search over the inlined index
 * (ranked, prefix and typo-tolerant) with facets for domain, classification and status. A product is under every
 * status of the majors it serves: one serving a deprecated older major is also found under "deprecated".
 */
export function homePage(catalog: Catalog, index: MiniSearch): string {
  const sorted = [...catalog.products].sort((a, b) => a.id.localeCompare(b.id));
  const values = (f: (p: (typeof sorted)[number]) => string | string[]) => [...new Set(sorted.flatMap(f))].sort();
  const body = html`<h1>${catalog.name} data products</h1>
<p class="lead">${catalog.description} ${catalog.products.length} products in ${catalog.domains.length} domains.</p>
<section class="search" aria-label="Search">
<form role="search" id="search-form" action="#" onsubmit="return false">
  <label for="q">Search products, ports, fields, descriptions, tags, owners and domains</label>
  <input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="e.g. customer lifetime value" aria-describedby="search-help" aria-controls="results">
  <p id="search-help" class="help">Ranked, with prefixes and typos forgiven. <noscript>Search needs JavaScript; every product is listed below.</noscript></p>
</form>
<div class="facets" id="facets">
${facet("domain", "Domain", values((p) => p.domain))}
${facet("classification", "Classification", values((p) => p.classification))}
${facet("status", "Status", values((p) => p.statuses))}
</div>
</section>
<p id="result-count" role="status" aria-live="polite">${sorted.length} products</p>
<ol id="results" class="results">
${sorted.map((p) => html`<li data-id="${p.id}" data-domain="${p.domain}" data-classification="${p.classification}" data-status="${p.statuses.join(" ")}">
  <a href="products/${p.domain}/${p.name}.html"><span class="title">${p.id}</span></a>
  <span class="badges">${classificationBadge(p.classification)} ${p.statuses.map((st) => badge(st, `status-${st}`))} ${p.containsPii ? badge("PII", "pii") : ""} ${p.containsPhi ? badge("PHI", "phi") : ""}</span>
  <p>${p.description}</p>
  <p class="meta">Ports: ${p.ports.map((port) => `${port.name}@${port.majors.map((m) => m.major).join(",")}`).join(", ")} · Owner: ${p.owners.join(", ")}</p>
</li>`)}
</ol>`;
  const scripts = html`<script type="application/json" id="search-index">${scriptJson(index.toJSON())}</script>
<script type="application/json" id="search-options">${scriptJson(SEARCH_OPTIONS)}</script>
<script src="assets/minisearch.js"></script>
<script src="assets/search.js"></script>`;
  return page({ title: "Products", root: "", catalogName: catalog.name, body, scripts });
}
