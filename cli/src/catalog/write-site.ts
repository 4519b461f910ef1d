import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { assertReplaceable, markOutput, swapInto } from "../plan/write";
import type { Catalog } from "./model";
import { domainPage, domainsIndexPage } from "./pages/domain";
import { homePage } from "./pages/home";
import { productPage } from "./pages/product";
import { buildSearchIndex } from "./search-index";

const ASSETS = join(__dirname, "assets");
/** The browser build of the same MiniSearch version the index is built with (the package exports only cjs/es). */
const MINISEARCH_UMD = join(dirname(require.resolve("minisearch")), "..", "umd", "index.js");

/**
 * Writes the static site into `dir` (replaced as a whole): index.html, domains/, products/<domain>/<product>.html,
 * assets/. Written to a sibling folder first, so a failure leaves the previous site intact.
 */
export function writeSite(catalog: Catalog, dir: string): { pages: number } {
  assertReplaceable(dir);
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // One mkdir per folder, not per page (a 1,000-product site has ~1,050 pages in ~55 folders).
  const made = new Set<string>();
  const write = (rel: string, text: string) => {
    const file = join(staging, rel);
    if (!made.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
    made.add(dirname(file));
    writeFileSync(file, text);
  };
  try {
    let pages = 0;
    write("index.html", homePage(catalog, buildSearchIndex(catalog)));
    write("domains/index.html", domainsIndexPage(catalog));
    pages += 2;
    const domains = new Map(catalog.domains.map((d) => [d.name, d]));
    for (const d of catalog.domains) {
      write(`domains/${d.name}.html`, domainPage(catalog, d));
      pages++;
    }
    for (const p of catalog.products) {
      write(`products/${p.domain}/${p.name}.html`, productPage(catalog, p, domains.get(p.domain)!));
      pages++;
    }
    mkdirSync(join(staging, "assets"), { recursive: true });
    copyFileSync(join(ASSETS, "style.css"), join(staging, "assets", "style.css"));
    copyFileSync(join(ASSETS, "search.js"), join(staging, "assets", "search.js"));
    copyFileSync(MINISEARCH_UMD, join(staging, "assets", "minisearch.js"));
    markOutput(staging, "the catalog site");
    swapInto(staging, dir);
    return { pages };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
