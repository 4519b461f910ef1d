import { html, type SafeHtml } from "../html";

export interface PageArgs {
  title: string;
  /** Path from this page back to the site root ("", "../", "../../"). */
  root: string;
  catalogName: string;
  body: SafeHtml;
  /** Extra elements at the end of <body> (the home page's search scripts). */
  scripts?: SafeHtml;
  breadcrumbs?: { label: string; href?: string }[];
}

/** The page shell: landmarks, a skip link, one stylesheet, no external resource of any kind. */
export function page(a: PageArgs): string {
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${a.title} · ${a.catalogName} data catalog</title>
<link rel="stylesheet" href="${a.root}assets/style.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <a class="brand" href="${a.root}index.html">${a.catalogName} data catalog</a>
  <nav aria-label="Site"><a href="${a.root}index.html">Products</a> <a href="${a.root}domains/index.html">Domains</a></nav>
</header>
${a.breadcrumbs ? html`<nav class="crumbs" aria-label="Breadcrumb"><ol>${a.breadcrumbs.map((b) => html`<li>${b.href ? html`<a href="${b.href}">${b.label}</a>` : html`<span aria-current="page">${b.label}</span>`}</li>`)}</ol></nav>` : ""}
<main id="main" tabindex="-1">
${a.body}
</main>
<footer class="site"><p>Generated from the mesh's contracts and product files by <code>mesh catalog</code>. Works offline.</p></footer>
${a.scripts ?? ""}
</body>
</html>`}\n`;
}

export function badge(text: string, kind: string): SafeHtml {
  return html`<span class="badge badge-${kind}">${text}</span>`;
}

export function classificationBadge(c: string): SafeHtml {
  return badge(c, `cls-${c}`);
}

export function usd(v: number | undefined): string {
  return v === undefined ? "not planned" : `$${v.toFixed(2)}`;
}
