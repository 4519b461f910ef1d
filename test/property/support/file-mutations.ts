import fc from "fast-check";
import { parse } from "yaml";
import { draw, type G, pick } from "./gen-helpers";
import { toYaml } from "./mesh-files";
import type { MeshFiles } from "./mesh-model";
import { WEIRD_VALUE } from "./weird-values";

/** Mutations of the files and folders of a mesh root, after the documents are written as YAML. */

const GRAPHEMES = fc.string({ unit: "grapheme", maxLength: 200 });
const BYTES = fc.string({ unit: "binary", maxLength: 200 });

/** Garbage and odd-but-valid YAML for one file. */
const GARBAGE: ((g: G, text: string) => string)[] = [
  (g, t) => t.slice(0, g(fc.nat, t.length)),
  (g) => draw(g, GRAPHEMES),
  (g) => draw(g, BYTES),
  (g, t) => { const lines = t.split("\n"); const i = g(fc.nat, Math.max(0, lines.length - 1)); lines[i] = ` ${lines[i]}`; return lines.join("\n"); },
  (g, t) => { const lines = t.split("\n"); const i = g(fc.nat, Math.max(0, lines.length - 1)); lines[i] = `\t${lines[i]}`; return lines.join("\n"); },
  (g, t) => { const lines = t.split("\n"); const i = g(fc.nat, Math.max(0, lines.length - 1)); lines.splice(i, 0, lines[i] ?? ""); return lines.join("\n"); },
  (_g, t) => t.replace(/\n/g, "\r\n"),
  (_g, t) => `\uFEFF${t}`,
  (_g, t) => `# comment\n${t}\n# trailing comment\n`,
  (_g, t) => `---\n${t}\n---\nsecond: document\n`,
  (_g, t) => `%YAML 1.1\n---\n${t}`,
  (g) => pick(g, ["", "~", "null", "[]", "- a\n- b\n", "just a string", "42", "{", "}", "key: [unclosed", "a: b: c", "? complex key\n: value\n", "!!binary aGVsbG8=", "!!set {a, b}", "!custom tag", "a: !!omap [{b: 1}]", "a: &x 1\nb: *x\n", "a: 1\na: 2\n"]),
  // Anchors and aliases: a few, an alias to no anchor, or aliases that expand past the loader's limit (an alias bomb).
  (g) => { const n = g(fc.integer, { min: 1, max: 5 }); return `base: &b {x: 1}\n${Array.from({ length: n }, (_, i) => `k${i}: *b`).join("\n")}\n`; },
  (g, t) => `${t}\n${pick(g, ["dangling", "x"])}: *${pick(g, ["nowhere", "b"])}\n`,
  (g) => { const w = g(fc.integer, { min: 3, max: 10 }); const levels = g(fc.integer, { min: 2, max: 5 }); const row = (a: string) => `[${Array(w).fill(a).join(",")}]`; const lines = [`a0: &a0 ${row("x")}`]; for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} ${row(`*a${i - 1}`)}`); return `${lines.join("\n")}\nbomb: ${row(`*a${levels - 1}`)}\n`; },
  // Deep flow nesting, on both sides of the loader's limit of 64 levels, and far past it.
  (g) => { const n = g(fc.integer, { min: 1, max: pick(g, [100, 1000]) }); return `${"[".repeat(n)}1${"]".repeat(n)}`; },
  (g) => { const n = g(fc.integer, { min: 1, max: 300 }); return `${"a: {".repeat(n)}b: 1${"}".repeat(n)}`; },
  // The same document as JSON (which is YAML too): must load exactly as before.
  (_g, t) => { try { return JSON.stringify(parse(t)); } catch { return t; } },
];

/** Changes to the files and folders of the mesh root. */
export const FILE_MUTATIONS: ((g: G, files: MeshFiles) => string | undefined)[] = [
  (g, files) => {
    const paths = Object.keys(files).filter((p) => files[p] !== null);
    const path = pick(g, paths);
    const garbled = pick(g, GARBAGE)(g, files[path]!);
    files[path] = garbled;
    return `${path}: garbled`;
  },
  (g, files) => {
    const paths = Object.keys(files).filter((p) => files[p] !== null && !p.startsWith("stacks/"));
    const path = pick(g, paths);
    delete files[path];
    return `${path}: deleted`;
  },
  (g, files) => {
    const dir = pick(g, ["domains/stray", "domains/stray/products/Bad_Name", "domains/.hidden", "domains/stray/products/x-", ...Object.keys(files).filter((p) => p.endsWith("domain.yaml")).map((p) => `${p.slice(0, -"domain.yaml".length)}products/${pick(g, ["Bad_Name", "-x", "x-", "a", "ok-name", "UPPER"])}`)]);
    files[dir] = null;
    return `${dir}: added an empty folder`;
  },
  (g, files) => {
    const file = pick(g, ["domains/README.md", "domains/x/products/README.md", "mesh.yml", "domains/.DS_Store"]);
    files[file] = "# notes\n";
    return `${file}: added a stray file`;
  },
  (g, files) => {
    const productDirs = [...new Set(Object.keys(files).filter((p) => p.endsWith("/product.yaml")).map((p) => p.slice(0, -"/product.yaml".length)))];
    if (productDirs.length === 0) return undefined;
    const dir = pick(g, productDirs);
    const to = `${dir.slice(0, dir.lastIndexOf("/") + 1)}${pick(g, ["renamed", "Renamed", "r", "renamed-2", "query-results", "query--results", `r${"x".repeat(g(fc.integer, { min: 38, max: 120 }))}`])}`;
    for (const p of Object.keys(files)) if (p.startsWith(`${dir}/`)) { files[`${to}${p.slice(dir.length)}`] = files[p]!; delete files[p]; }
    return `${dir}: renamed to ${to}`;
  },
  (g, files) => {
    const domainDirs = [...new Set(Object.keys(files).filter((p) => p.endsWith("/domain.yaml")).map((p) => p.slice(0, -"/domain.yaml".length)))];
    if (domainDirs.length === 0) return undefined;
    const dir = pick(g, domainDirs);
    const to = `domains/${pick(g, ["renamed", "Renamed", "r"])}`;
    for (const p of Object.keys(files)) if (p.startsWith(`${dir}/`)) { files[`${to}${p.slice(dir.length)}`] = files[p]!; delete files[p]; }
    return `${dir}: renamed to ${to}`;
  },
  (g, files) => {
    const path = pick(g, Object.keys(files).filter((p) => files[p] !== null));
    files[path] = toYaml(draw(g, WEIRD_VALUE));
    return `${path}: replaced by a scalar or list`;
  },
];
