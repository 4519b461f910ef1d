/// <reference lib="dom" />
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mesh } from "../helpers/cli";
import { REPO } from "../helpers/fixture";

/** A real Chromium: CHROMIUM_PATH, or `chromium` on PATH (Debian package; .ci/run installs it). */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim().split("\n")[0]!;
  } catch {
    throw new Error("no Chromium found: install the Debian package chromium (apt-get install -y chromium) or set CHROMIUM_PATH");
  }
}

const SHOTS = join(REPO, "out", "catalog-screenshots");

describe("the catalog site in a real Chromium, opened from disk", () => {
  const out = mkdtempSync(join(tmpdir(), "catalog-browser-"));
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const run = mesh(["catalog", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    page = await browser.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warn") consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${String(e)}`));
    page.on("requestfailed", (r) => consoleErrors.push(`request failed: ${r.url()}`));
    page.on("request", (r) => requests.push(r.url()));
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("finds a product by a misspelt field name, opens its page and shows what a consumer needs", async () => {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(join(out, "catalog", "index.html")).href, { waitUntil: "load" });
    expect(await page.$eval("html", (h) => h.lang)).toBe("en");
    // "marketing_consnt": a typo of the field marketing_consent, which only customer-profile publishes.
    await page.type("#q", "marketing_consnt");
    await page.waitForFunction(() => document.getElementById("result-count")!.textContent!.includes("matching"));
    const visible = await page.$$eval("#results > li:not([hidden])", (lis) => lis.map((li) => li.getAttribute("data-id")));
    expect(visible[0]).toBe("customers/customer-profile");
    await page.screenshot({ path: join(SHOTS, "home.png"), fullPage: true });

    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click('#results > li[data-id="customers/customer-profile"] a')]);
    expect(page.url()).toMatch(/\/products\/customers\/customer-profile\.html$/);
    const text = await page.$eval("main", (m) => m.innerText);
    // Schema: a field with its type, classification and PII badge.
    const schemaRow = await page.$$eval("#h-schema ~ .table-wrap tbody tr", (rows) => rows.map((r) => (r as HTMLElement).innerText));
    expect(schemaRow.find((r) => r.startsWith("email"))).toMatch(/string[\s\S]*confidential[\s\S]*PII/);
    // Owner and SLA.
    expect(await page.$eval(".owner", (e) => e.textContent)).toBe("amira.haddad@shopwave.example");
    expect(text).toMatch(/latency\s+2 h\s+Freshness/);
    // Lineage: an inline SVG with this product and its consumers as linked nodes.
    const lineage = await page.$$eval("svg.lineage a", (as) => as.map((a) => a.getAttribute("href")));
    expect(lineage).toEqual(expect.arrayContaining(["../orders/order-events.html", "../recommendations/product-recommendations.html"]));
    // Consumers with the fields they read.
    expect(text).toMatch(/orders\/order-events\s+customers@1\s+customer_id, segment/);
    // The access snippet: the exact lines to add to product.yaml.
    const snippet = await page.$eval("code.access-snippet", (c) => c.textContent);
    expect(snippet).toContain("  - from: customers/customer-profile/customers@1");
    expect(text).toContain("Granted at once (auto-approved) for: orders, recommendations.");
    await page.screenshot({ path: join(SHOTS, "product.png"), fullPage: true });

    await page.setViewport({ width: 390, height: 844, isMobile: true });
    await page.reload({ waitUntil: "load" });
    // Readable on a phone: nothing but the scrollable tables and the lineage is wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, "product-phone.png"), fullPage: false });

    expect(consoleErrors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
  }, 120_000);

  it("works without JavaScript: every product is listed and its page is complete", async () => {
    const noJs = await browser.newPage();
    await noJs.setJavaScriptEnabled(false);
    await noJs.goto(pathToFileURL(join(out, "catalog", "index.html")).href, { waitUntil: "load" });
    const ids = await noJs.$$eval("#results > li:not([hidden])", (lis) => lis.map((li) => li.getAttribute("data-id")));
    // The example mesh (domains/): eight products, independently counted from its folders.
    expect(ids).toEqual(["customers/customer-profile", "customers/identity-verification", "orders/fraud-screening", "orders/order-events", "orders/order-lines", "product-catalog/price-changes", "product-catalog/product-catalog", "recommendations/product-recommendations"]);
    await noJs.goto(pathToFileURL(join(out, "catalog", "products", "orders", "order-events.html")).href, { waitUntil: "load" });
    expect(await noJs.$$eval("main h2", (hs) => hs.length)).toBe(14);
    await noJs.close();
  }, 60_000);

  it("is operable with the keyboard: the first Tab reaches the skip link, every input has a label", async () => {
    const p = await browser.newPage();
    await p.goto(pathToFileURL(join(out, "catalog", "index.html")).href, { waitUntil: "load" });
    await p.keyboard.press("Tab");
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    const unlabelled = await p.$$eval("input", (inputs) => inputs.filter((i) => !(i as HTMLInputElement).labels?.length).map((i) => i.outerHTML));
    expect(unlabelled).toEqual([]);
    expect(await p.$$eval("header, nav, main, footer", (els) => els.map((e) => e.tagName.toLowerCase()))).toEqual(expect.arrayContaining(["header", "nav", "main", "footer"]));
    await p.close();
  }, 60_000);

  it("wrote the screenshots of the home and a product page under out/", () => {
    for (const f of ["home.png", "product.png", "product-phone.png"]) expect(existsSync(join(SHOTS, f))).toBe(true);
  });
});
