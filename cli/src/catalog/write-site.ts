import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { assertReplaceable, OUTPUT_MARKER } from "../plan/write";
import type { Catalog } from "./model";
import { domainPage, domainsIndexPage } from "./pages/domain";
import { homePage } from "./pages/home";
import { productPage } from "./pages/product";
import { buildSearchIndex } from "./search-index";
import { type FolderContent, updateFolder } from "./update-folder";
import { writeNewFolder } from "./write-new-folder";

const ASSETS = join(__dirname, "assets");
/** The browser build of the same MiniSearch version the index is built with (the package exports only cjs/es). */
const MINISEARCH_UMD = join(dirname(require.resolve("minisearch")), "..", "umd", "index.js");

/** Every file of the site: index.html, domains/, products/<domain>/<product>.html, assets/. */
export function renderSite(catalog: Catalog): FolderContent {
  const files: FolderContent = new Map();
  files.set("index.html", homePage(catalog, buildSearchIndex(catalog)));
  files.set("domains/index.html", domainsIndexPage(catalog));
  const domains = new Map(catalog.domains.map((d) => [d.name, d]));
  for (const d of catalog.domains) files.set(`domains/${d.name}.html`, domainPage(catalog, d));
  for (const p of catalog.products) files.set(`products/${p.domain}/${p.name}.html`, productPage(catalog, p, domains.get(p.domain)!));
  files.set("assets/style.css", readFileSync(join(ASSETS, "style.css")));
  files.set("assets/search.js", readFileSync(join(ASSETS, "search.js")));
  files.set("assets/minisearch.js", readFileSync(MINISEARCH_UMD));
  return files;
}

/**
 * Writes the static site into `dir`, which ends up holding exactly the site (and the marker). A site the CLI wrote
 * before is updated file by file (only pages whose bytes change are written); otherwise the site is written to a
 * sibling folder and swapped in. Either way a failure leaves the previous site intact.
 */
export function writeSite(catalog: Catalog, dir: string): { pages: number } {
  assertReplaceable(dir);
  const files = renderSite(catalog);
  const pages = [...files.keys()].filter((f) => f.endsWith(".html")).length;
  if (existsSync(join(dir, OUTPUT_MARKER))) updateFolder(dir, files);
  else writeNewFolder(dir, files, "the catalog site");
  return { pages };
}
