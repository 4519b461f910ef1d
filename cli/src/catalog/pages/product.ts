import { html, type SafeHtml } from "../html";
import { lineageSvg } from "../lineage-svg";
import type { Catalog, CatalogDomain, CatalogProduct } from "../model";
import { badge, classificationBadge, page, usd } from "./layout";

/** The sections of every product page, in order (docs/consumers.md documents the same template). */
export const PRODUCT_SECTIONS = [
  ["purpose", "Purpose"],
  ["usage", "Usage and limitations"],
  ["owners", "Owner and support"],
  ["ports", "Output ports and versions"],
  ["schema", "Schema"],
  ["quality", "Quality rules"],
  ["sla", "Service levels"],
  ["locations", "Where the data is"],
  ["inputs", "Inputs"],
  ["consumers", "Consumers"],
  ["lineage", "Lineage"],
  ["usage-analytics", "Usage analytics"],
  ["cost", "Cost"],
  ["access", "How to request access"],
] as const;

function table(caption: string, head: string[], rows: SafeHtml[]): SafeHtml {
  return html`<div class="table-wrap"><table><caption>${caption}</caption><thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function section(id: (typeof PRODUCT_SECTIONS)[number][0], body: SafeHtml | SafeHtml[]): SafeHtml {
  const title = PRODUCT_SECTIONS.find(([s]) => s === id)![1];
  return html`<section aria-labelledby="h-${id}"><h2 id="h-${id}">${title}</h2>${body}</section>`;
}

function slaValue(s: { value: unknown; unit?: string }): string {
  return `${String(s.value)}${s.unit ? ` ${s.unit}` : ""}`;
}

const SLA_MEANING: Record<string, string> = {
  latency: "Freshness: data is at most this old (alarmed)",
  frequency: "How often the product is refreshed",
  retention: "How long data is kept",
  availability: "Availability target (%)",
};

/** The lines a consumer adds to their own product.yaml to read one port (the only way to get access). */
export function accessSnippet(p: CatalogProduct, port: string, major: number, fields: string[]): string {
  return [
    "# domains/<your-domain>/products/<your-product>/product.yaml",
    "inputs:",
    `  - from: ${p.id}/${port}@${major}`,
    `    fields: [${fields.join(", ")}]   # only the fields you read`,
    "    purpose: <why you read it, at least 10 characters>",
  ].join("\n");
}

/** The lines the producer adds to approve a consumer that is not auto-approved. */
export function approvalSnippet(p: CatalogProduct): string {
  return [
    `# ${p.contractFile.replace(/contract\.odcs\.yaml$/, "product.yaml")} (the producer's file)`,
    "access:",
    "  approvals:",
    "    - consumer: <your-domain>/<your-product>",
    `      approvedBy: ${p.owners[0] ?? "<owner email>"}`,
    "      date: <YYYY-MM-DD>",
    "      ticket: <ticket id>",
  ].join("\n");
}

function accessSection(p: CatalogProduct): SafeHtml {
  const published = p.ports.flatMap((port) => port.majors.filter((m) => m.status !== "retired").map((m) => ({ port, m })));
  return section("access", html`
<p>Access is code: declare the port as an input of one of your products. The plan then grants your product's role
read access to exactly the fields you list, and revokes it when the input goes away.</p>
${published.map(({ port, m }) => html`<h3>${port.name}@${m.major}</h3><pre><code class="access-snippet">${accessSnippet(p, port.name, m.major, port.fields.slice(0, 3).map((f) => f.name))}</code></pre>`)}
<h3>Who approves</h3>
<ul>
  <li>${p.access.autoApprove.length > 0 ? html`Granted at once (auto-approved) for: ${p.access.autoApprove.join(", ")}.` : "No consumer is auto-approved."}</li>
  <li>Everyone else: an owner of this product (${p.owners.join(", ")}) approves by adding you to <code>access.approvals</code>, usually in the same pull request:</li>
</ul>
<pre><code>${approvalSnippet(p)}</code></pre>
${p.access.approvals.length > 0 ? table("Explicit approvals", ["consumer", "approved by", "date", "ticket"], p.access.approvals.map((a) => html`<tr><td>${a.consumer}</td><td>${a.approvedBy}</td><td>${a.date}</td><td>${a.ticket ?? ""}</td></tr>`)) : ""}
<p>Then run <code>npm start</code> and open the pull request. The consumer guide in the repository (<code>docs/consumers.md</code>) explains every step.</p>`);
}

export function productPage(catalog: Catalog, p: CatalogProduct, domain: CatalogDomain): string {
  const href = (id: string) => `../${id}.html`;
  const known = new Set(catalog.products.map((x) => x.id));
  const link = (id: string) => (known.has(id) ? html`<a href="${href(id)}">${id}</a>` : html`${id}`);
  const body = html`<h1>${p.title} <span class="meta">${p.id}</span></h1>
<p class="badges">${classificationBadge(p.classification)} ${badge(p.status, `status-${p.status}`)} ${badge(`v${p.version}`, "version")}${p.containsPii ? badge("PII", "pii") : ""}${p.containsPhi ? badge("PHI", "phi") : ""}</p>
<p class="lead">${p.description}</p>
${p.tags.length > 0 ? html`<p class="meta">Tags: ${p.tags.join(", ")}</p>` : ""}
<nav class="toc" aria-label="On this page"><ol>${PRODUCT_SECTIONS.map(([id, title]) => html`<li><a href="#h-${id}">${title}</a></li>`)}</ol></nav>
${section("purpose", html`<p>${p.purpose}</p>`)}
${section("usage", html`<dl class="facts"><dt>Usage</dt><dd>${p.usage ?? "Not stated in the contract."}</dd><dt>Limitations</dt><dd>${p.limitations ?? "Not stated in the contract."}</dd></dl>`)}
${section("owners", html`<dl class="facts">
<dt>Owner</dt><dd class="owner">${p.owners.join(", ")}</dd>
<dt>Team</dt><dd>${p.team}${p.members.length > 0 ? html` — ${p.members.map((m) => `${m.name ?? m.username} (${m.role ?? "member"})`).join(", ")}` : ""}</dd>
<dt>Domain</dt><dd><a href="../../domains/${p.domain}.html">${p.domain}</a>, owned by ${domain.owner.team} (<a href="mailto:${domain.owner.email}">${domain.owner.email}</a>${domain.owner.slack ? `, ${domain.owner.slack}` : ""})</dd>
<dt>Support</dt><dd>${p.support.length > 0 ? p.support.map((s, i) => html`${i > 0 ? ", " : ""}${s.url ? html`<a href="${s.url}">${s.channel}</a>` : s.channel}${s.tool ? ` (${s.tool})` : ""}`) : "No support channel in the contract; ask the owner."}</dd>
<dt>Contract</dt><dd><code>${p.contractFile}</code> (ODCS id ${p.contractId})</dd>
</dl>`)}
${section("ports", table("Ports and the majors served (an older major is served beside the current one until its end of life)", ["port", "major", "contract version", "status", "Glue table", "end of support", "end of life", "consumers on this major"], p.ports.flatMap((port) => port.majors.map((m) => {
  const readers = p.consumers.filter((c) => c.port === port.name && c.major === m.major);
  return html`<tr data-port="${port.name}@${m.major}"><td>${port.name}</td><td>@${m.major}</td><td>${m.version} <span class="meta">(<code>${m.contractFile}</code>)</span></td><td>${badge(m.status, `status-${m.status}`)}</td><td><code>${m.table}</code></td><td>${m.endOfSupport ?? "—"}</td><td>${m.endOfLife ?? "—"}</td><td>${readers.length > 0 ? readers.map((c, i) => html`${i > 0 ? ", " : ""}${link(c.consumer)}${c.access === "pending" ? " (pending)" : ""}`) : "none"}</td></tr>`;
}))))}
${section("schema", p.ports.map((port) => html`<h3>${port.name}</h3><p>${port.description} ${classificationBadge(port.classification)}${port.containsPii ? badge("PII", "pii") : ""}${port.containsPhi ? badge("PHI", "phi") : ""}</p>
${table(`Fields of ${port.name}`, ["field", "type", "keys", "description", "classification"], port.fields.map((f) => html`<tr><td><code>${f.name}</code></td><td>${f.logicalType}${f.physicalType ? html` <span class="meta">(${f.physicalType})</span>` : ""}</td><td>${f.primaryKey ? badge("primary key", "key") : ""}${f.partition ? badge("partition", "partition") : ""}${f.required ? badge("required", "required") : ""}</td><td>${f.description}</td><td>${classificationBadge(f.classification)}${f.pii && !f.phi ? badge("PII", "pii") : ""}${f.phi ? badge("PHI", "phi") : ""}</td></tr>`))}`))}
${section("quality", (() => {
  const rules = p.ports.flatMap((port) => port.quality);
  return rules.length === 0 ? html`<p>No quality rules in the contract.</p>` : table("Quality rules (checked by the quality CronJob; failures alarm the owners)", ["port", "field", "rule", "dimension", "severity", "definition"], rules.map((r) => html`<tr><td>${r.port}</td><td>${r.field ?? "(table)"}</td><td>${r.name}</td><td>${r.dimension ?? ""}</td><td>${r.severity}</td><td><code>${JSON.stringify(Object.fromEntries(Object.entries(r.definition).filter(([k]) => !["name", "dimension", "severity", "description"].includes(k))))}</code>${typeof r.definition.description === "string" ? html`<br>${r.definition.description}` : ""}</td></tr>`));
})())}
${section("sla", table("Service levels of the contract", ["property", "value", "meaning", "element"], p.sla.map((s) => html`<tr><td>${s.property}</td><td class="sla-value">${slaValue(s)}</td><td>${SLA_MEANING[s.property] ?? ""}</td><td>${s.element ?? ""}</td></tr>`)))}
${section("locations", p.locations.map((l) => html`<h3>${l.env}${l.production ? " (production)" : ""}</h3>
<dl class="facts"><dt>Account, region</dt><dd>${l.account}, ${l.region}</dd><dt>Bucket</dt><dd><code>s3://${l.bucket}/</code></dd><dt>Glue database</dt><dd><code>${l.database}</code></dd><dt>Athena workgroup</dt><dd><code>${l.workgroup}</code></dd></dl>
${l.ports.map((lp) => html`<p><strong>${lp.port}@${lp.major}</strong>: <code>s3://${l.bucket}/${lp.prefix}</code>, table <code>${l.database}.${lp.table}</code></p><pre><code>${lp.query}</code></pre>`)}`))}
${section("inputs", p.inputs.length === 0 ? html`<p>This product reads no other product.</p>` : table("Ports this product reads", ["product", "port", "fields read", "purpose"], p.inputs.map((i) => html`<tr><td>${link(i.product)}</td><td>${i.port}@${i.major}</td><td>${i.fields.join(", ")}</td><td>${i.purpose}</td></tr>`)))}
${section("consumers", p.consumers.length === 0 ? html`<p>No product reads this one yet.</p>` : table("Products that declared this product as an input", ["consumer", "port", "fields read", "purpose", "access"], p.consumers.map((c) => html`<tr><td>${link(c.consumer)}</td><td>${c.port}@${c.major}</td><td>${c.fields.join(", ")}</td><td>${c.purpose}</td><td>${c.access === "pending" ? badge("pending approval", "status-deprecated") : c.access === "autoApprove" ? "auto-approved" : "approved"}</td></tr>`)))}
${section("lineage", html`<div class="lineage-wrap">${lineageSvg(p.id, catalog.lineage, href)}</div><p class="meta">Left: products this one reads. Right: products reading it (dashed: access pending). Labels: port@major.</p>`)}
${section("usage-analytics", html`<p>Who actually read this product: saved Athena queries over the S3 server access logs and CloudTrail data
events, in each environment's workgroup (run them from the Athena console, "Saved queries"). Declared consumers appear by name; any other reader by its principal ARN.</p>
${table("Saved usage queries", ["environment", "workgroup", "query", "answers"], p.locations.flatMap((l) => l.usageQueries.map((q) => html`<tr><td>${l.env}</td><td><code>${l.workgroup}</code></td><td><code>${q.name}</code></td><td>${q.answers}</td></tr>`)))}
<p>Declared consumers, to compare with what the queries show: ${p.consumers.length > 0 ? p.consumers.map((c, i) => html`${i > 0 ? ", " : ""}${link(c.consumer)} (${c.port}@${c.major}${c.access === "pending" ? ", pending" : ""})`) : "none"}.</p>`)}
${section("cost", catalog.planned ? table("Fixed monthly cost of the product's own resources (from the plan's price table)", ["environment", "USD per month"], p.locations.map((l) => html`<tr><td>${l.env}</td><td>${usd(l.monthlyCostUsd)}</td></tr>`)) : html`<p>Run <code>npm start</code> (the plan) to see the cost.</p>`)}
${accessSection(p)}`;
  return page({
    title: p.id,
    root: "../../",
    catalogName: catalog.name,
    body,
    breadcrumbs: [{ label: "Products", href: "../../index.html" }, { label: p.domain, href: `../../domains/${p.domain}.html` }, { label: p.name }],
  });
}
