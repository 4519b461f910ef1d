import { html } from "../html";
import type { Catalog, CatalogDomain } from "../model";
import { badge, classificationBadge, page, usd } from "./layout";

export function domainPage(catalog: Catalog, d: CatalogDomain): string {
  const products = catalog.products.filter((p) => p.domain === d.name);
  const open = d.findings.filter((f) => !f.waived);
  const body = html`<h1>Domain ${d.name}</h1>
<p class="lead">${d.description}</p>
<dl class="facts">
<dt>Owner</dt><dd>${d.owner.team} (<a href="mailto:${d.owner.email}">${d.owner.email}</a>${d.owner.slack ? `, ${d.owner.slack}` : ""})</dd>
<dt>Cost centre</dt><dd>${d.costCenter}</dd>
<dt>Compliance</dt><dd>${d.compliance.length > 0 ? d.compliance.join(", ") : "none declared"}</dd>
<dt>Environments</dt><dd>${d.environments.join(", ")}</dd>
<dt>Monthly cost</dt><dd>${catalog.planned ? d.environments.map((e) => `${e}: ${usd(d.monthlyCostUsd[e])}`).join(" · ") : "run npm start (the plan) to see it"}</dd>
</dl>
<section aria-labelledby="h-products"><h2 id="h-products">Products</h2>
<div class="table-wrap"><table><caption>Products of ${d.name}</caption><thead><tr><th scope="col">product</th><th scope="col">description</th><th scope="col">classification</th><th scope="col">status</th><th scope="col">ports</th></tr></thead><tbody>
${products.map((p) => html`<tr><td><a href="../products/${p.domain}/${p.name}.html">${p.name}</a></td><td>${p.description}</td><td>${classificationBadge(p.classification)}</td><td>${badge(p.status, `status-${p.status}`)}</td><td>${p.ports.map((port) => `${port.name}@${port.majors.map((m) => m.major).join(",")}`).join(", ")}</td></tr>`)}
</tbody></table></div></section>
<section aria-labelledby="h-findings"><h2 id="h-findings">Governance findings</h2>
${!catalog.planned ? html`<p>Run <code>npm start</code> (the plan) to see them.</p>` : d.findings.length === 0 ? html`<p>No findings: every governance rule passes.</p>` : html`<p>${open.length} open, ${d.findings.length - open.length} waived.</p><div class="table-wrap"><table><caption>Findings of the last plan</caption><thead><tr><th scope="col">stack</th><th scope="col">rule</th><th scope="col">severity</th><th scope="col">resource</th><th scope="col">message</th></tr></thead><tbody>
${d.findings.map((f) => html`<tr><td>${f.stack}</td><td>${f.rule}</td><td>${f.severity}${f.waived ? " (waived)" : ""}</td><td><code>${f.resource}</code></td><td>${f.message}</td></tr>`)}
</tbody></table></div>`}
</section>`;
  return page({ title: `Domain ${d.name}`, root: "../", catalogName: catalog.name, body, breadcrumbs: [{ label: "Domains", href: "index.html" }, { label: d.name }] });
}

export function domainsIndexPage(catalog: Catalog): string {
  const body = html`<h1>Domains</h1>
<div class="table-wrap"><table><caption>${catalog.domains.length} domains</caption><thead><tr><th scope="col">domain</th><th scope="col">owner</th><th scope="col">cost centre</th><th scope="col">products</th><th scope="col">description</th></tr></thead><tbody>
${catalog.domains.map((d) => html`<tr><td><a href="${d.name}.html">${d.name}</a></td><td>${d.owner.team}</td><td>${d.costCenter}</td><td>${d.products.length}</td><td>${d.description}</td></tr>`)}
</tbody></table></div>`;
  return page({ title: "Domains", root: "../", catalogName: catalog.name, body, breadcrumbs: [{ label: "Domains" }] });
}
