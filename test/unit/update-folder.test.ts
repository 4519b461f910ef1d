import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { updateFolder } from "../../cli/src/catalog/update-folder";

/** A folder the CLI wrote earlier: the marker, two pages in two folders, an asset. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), "site-"));
  mkdirSync(join(dir, "products", "sales"), { recursive: true });
  mkdirSync(join(dir, "products", "gone"), { recursive: true });
  writeFileSync(join(dir, ".mesh-output"), "marker\n");
  writeFileSync(join(dir, "index.html"), "<h1>home</h1>");
  writeFileSync(join(dir, "products", "sales", "orders.html"), "<h1>orders</h1>");
  writeFileSync(join(dir, "products", "gone", "old.html"), "<h1>old</h1>");
  return dir;
}

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir, { recursive: true }).map(String).sort().filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

describe("updating a site the CLI wrote", () => {
  it("writes only the pages whose bytes change, adds new ones, removes the rest and their empty folders", () => {
    const dir = site();
    const untouched = statSync(join(dir, "index.html")).ino;
    const changes = updateFolder(dir, new Map<string, string | Buffer>([
      ["index.html", "<h1>home</h1>"],
      ["products/sales/orders.html", "<h1>orders, now with a description</h1>"],
      ["products/sales/returns.html", Buffer.from("<h1>returns</h1>")],
    ]));
    expect(files(dir)).toEqual({
      ".mesh-output": "marker\n",
      "index.html": "<h1>home</h1>",
      [join("products", "sales", "orders.html")]: "<h1>orders, now with a description</h1>",
      [join("products", "sales", "returns.html")]: "<h1>returns</h1>",
    });
    expect(existsSync(join(dir, "products", "gone"))).toBe(false);
    // The unchanged page is the same file: never rewritten.
    expect(statSync(join(dir, "index.html")).ino).toBe(untouched);
    expect(changes).toBe(3);
    expect(updateFolder(dir, new Map([["index.html", "<h1>home</h1>"], ["products/sales/orders.html", "<h1>orders, now with a description</h1>"], ["products/sales/returns.html", "<h1>returns</h1>"]]))).toBe(0);
  });

  it("changes nothing when one file cannot be placed: every page keeps its previous content", () => {
    const dir = site();
    const before = files(dir);
    // index.html stays a file, so nothing can be placed under index.html/ (after orders.html was already placed).
    expect(() => updateFolder(dir, new Map([["products/sales/orders.html", "<h1>new orders</h1>"], ["index.html", "<h1>home</h1>"], ["products/gone/old.html", "<h1>old</h1>"], ["index.html/broken.html", "x"]]))).toThrow(/ENOTDIR|EEXIST/);
    expect(files(dir)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith(".update-") || f.startsWith(".previous-"))).toEqual([]);
  });
});
