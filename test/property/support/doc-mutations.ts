import fc from "fast-check";
import { draw, type G, pick } from "./gen-helpers";
import { clone, type Doc, type GenMesh } from "./mesh-model";
import { UNKNOWN_KEY, WEIRD_VALUE } from "./weird-values";

/** Mutations of the documents of a generated mesh, before they are written as files. */

type Path = (string | number)[];

interface DocRef {
  file: string;
  doc: Doc;
}

function docRefs(gen: GenMesh): DocRef[] {
  const refs: DocRef[] = [{ file: "mesh.yaml", doc: gen.mesh }];
  for (const d of gen.domains) {
    refs.push({ file: `domains/${d.folder}/domain.yaml`, doc: d.domain });
    for (const p of d.products) {
      refs.push({ file: `domains/${d.folder}/products/${p.folder}/product.yaml`, doc: p.product });
      refs.push({ file: `domains/${d.folder}/products/${p.folder}/contract.odcs.yaml`, doc: p.contract });
    }
  }
  return refs;
}

function paths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...path, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...path, k], out);
  return out;
}

function parentOf(doc: Doc, path: Path): { container: Record<string | number, unknown>; key: string | number } {
  let container: unknown = doc;
  for (const k of path.slice(0, -1)) container = (container as Record<string | number, unknown>)[k];
  return { container: container as Record<string | number, unknown>, key: path[path.length - 1]! };
}

/** Sets an own property, even one named `__proto__`. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const show = (p: Path) => p.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("");

/** Mutations of one document: generic ones that work anywhere. */
export function genericMutation(g: G, gen: GenMesh): string {
  const ref = pick(g, docRefs(gen));
  const all = paths(ref.doc);
  const which = g(fc.nat, 2);
  if (which === 0 && all.length > 0) {
    const path = pick(g, all);
    const { container, key } = parentOf(ref.doc, path);
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key];
    return `${ref.file}: removed ${show(path)}`;
  }
  if (which === 1 && all.length > 0) {
    const path = pick(g, all);
    const value = draw(g, WEIRD_VALUE);
    const { container, key } = parentOf(ref.doc, path);
    setOwn(container, key, value);
    return `${ref.file}: set ${show(path)} to ${JSON.stringify(value)?.slice(0, 60)}`;
  }
  const objects: Path[] = [[], ...all.filter((p) => {
    const { container, key } = parentOf(ref.doc, p);
    const v = container[key];
    return v !== null && typeof v === "object" && !Array.isArray(v);
  })];
  const target = pick(g, objects);
  const key = draw(g, UNKNOWN_KEY);
  let obj: unknown = ref.doc;
  for (const k of target) obj = (obj as Record<string | number, unknown>)[k];
  setOwn(obj as Record<string, unknown>, key, draw(g, WEIRD_VALUE));
  return `${ref.file}: added key ${JSON.stringify(key)} at ${show(target) || "the top"}`;
}

type Targeted = (g: G, gen: GenMesh) => string | undefined;

function anyProduct(g: G, gen: GenMesh) {
  const all = gen.domains.flatMap((d) => d.products.map((p) => ({ d, p })));
  return all.length > 0 ? pick(g, all) : undefined;
}

/** Mutations that need to know what a field means: references, ranges, and the rules between files. */
export const TARGETED: Targeted[] = [
  (g, gen) => { gen.mesh.prefix = pick(g, ["", "A", "a", "toolongprefix1", "1ab", 42, "a-b", "aws", "sthree"]); return "mesh.yaml: bad prefix"; },
  (g, gen) => { gen.mesh.allowedRegions = pick(g, [[], ["eu-west-9"], "eu-west-1", ["EU-WEST-1"]]); return "mesh.yaml: bad allowedRegions"; },
  (g, gen) => { gen.mesh.qualityRunnerImage = pick(g, ["registry.example.com/platform/quality-runner:latest", "quality-runner", "registry.example.com/q@sha256:abc"]); return "mesh.yaml: unpinned quality runner"; },
  (g, gen) => { gen.mesh.environments = pick(g, [{}, [], { "Bad Env": { region: "eu-west-1", account: "111111111111" } }]); return "mesh.yaml: bad environments"; },
  (g, gen) => {
    const env = pick(g, Object.keys(gen.mesh.environments as Doc));
    (gen.mesh.environments as Record<string, Doc>)[env]!.eksOidcIssuer = pick(g, ["oidc.eks.eu-west-1.amazonaws.com/id/short", "https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789", ""]);
    return `mesh.yaml: bad eksOidcIssuer of ${env}`;
  },
  (g, gen) => {
    const d = gen.domains.length > 0 ? pick(g, gen.domains) : undefined;
    if (!d) return undefined;
    d.domain.name = pick(g, ["platform", "Other", `${d.folder}-x`, "", 7]);
    return `${d.folder}/domain.yaml: name does not match its folder`;
  },
  (g, gen) => {
    const d = gen.domains.length > 0 ? pick(g, gen.domains) : undefined;
    if (!d) return undefined;
    d.domain.blueprint = pick(g, ["^2.0.0", "not a range", ">=3", "", "1.0"]);
    return `${d.folder}/domain.yaml: blueprint range`;
  },
  (g, gen) => {
    const d = gen.domains.length > 0 ? pick(g, gen.domains) : undefined;
    if (!d) return undefined;
    const envs = d.domain.environments as Record<string, Doc>;
    const env = pick(g, Object.keys(envs));
    const change = pick(g, [
      () => { envs[env]!.region = pick(g, ["eu-west-9", "af-south-1", "us-east-1"]); },
      () => { envs[env]!.account = pick(g, ["12345678901", 111111111111, "abcdefghijkl"]); },
      () => { envs[env]!.allowDestroy = true; },
      () => { envs[env]!.kubernetes = true; },
      () => { envs["not-in-mesh"] = { region: "eu-west-1", account: "111111111111" }; },
    ]);
    change();
    return `${d.folder}/domain.yaml: environment ${env} changed`;
  },
  (g, gen) => {
    const d = gen.domains.length > 0 ? pick(g, gen.domains) : undefined;
    if (!d) return undefined;
    d.domain.waivers = [{ rule: pick(g, ["s3-tls-only", "no-such-rule", "", "k8s-image-digest"]), resource: "x", reason: pick(g, ["short", "A reason long enough to be accepted here."]), expires: pick(g, ["2027-02-30", "tomorrow", "2099-01-01", "2001-01-01"]) }];
    return `${d.folder}/domain.yaml: waiver`;
  },
  (g, gen) => {
    const d = gen.domains.length > 0 ? pick(g, gen.domains) : undefined;
    if (!d) return undefined;
    d.domain.athenaBytesScannedCutoffGb = pick(g, [0, 1025, 1.5, -1, "10"]);
    return `${d.folder}/domain.yaml: athena cut-off out of range`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    x.p.product.outputPorts = pick(g, [["no_such_port"], [], "orders", [1]]);
    return `${x.p.folder}/product.yaml: outputPorts`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    const other = anyProduct(g, gen);
    if (!x || !other) return undefined;
    const port = (other.p.product.outputPorts as string[])[0] ?? "orders";
    const from = pick(g, [
      `${other.d.folder}/${other.p.folder}/${port}@999`,
      `${other.d.folder}/no-such-product/${port}@1`,
      `no-such-domain/${other.p.folder}/${port}@1`,
      `${x.d.folder}/${x.p.folder}/${port}@1`,
      `${other.d.folder}/${other.p.folder}/no_such_port@1`,
      `${other.d.folder}.${other.p.folder}`,
    ]);
    x.p.product.inputs = [{ from, fields: pick(g, [["no_such_field"], [], ["id"]]), purpose: pick(g, ["short", "a purpose that is long enough"]) }];
    return `${x.p.folder}/product.yaml: input from ${from}`;
  },
  (g, gen) => {
    // The same input twice, maybe with other fields: a ConfigError at inputs[1].from.
    const x = anyProduct(g, gen);
    const inputs = x?.p.product.inputs as Doc[] | undefined;
    if (!x || !inputs || inputs.length === 0) return undefined;
    const first = inputs[0]!;
    inputs.push({ ...clone(first), ...(g(fc.boolean) ? { fields: ["id"] } : {}) });
    return `${x.p.folder}/product.yaml: input ${String(first.from)} declared twice`;
  },
  (g, gen) => {
    // A second domain, in the same environments, whose product takes the bucket and role name of a product of the
    // first (`sales` + `eu-orders`, `sales-eu` + `orders`), or a product named like its domain's query results bucket.
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    const cut = x.p.folder.indexOf("-");
    if (cut < 1 || g(fc.boolean)) {
      x.p.folder = pick(g, ["query-results", "query--results"]);
      x.p.contract.name = x.p.contract.dataProduct = x.p.folder;
      return `${x.d.folder}: product renamed to ${x.p.folder}`;
    }
    const folder = `${x.d.folder}-${x.p.folder.slice(0, cut)}`;
    if (gen.domains.some((d) => d.folder === folder)) return undefined;
    const product = clone(x.p);
    product.folder = x.p.folder.slice(cut + 1);
    delete product.product.inputs;
    product.contract.domain = folder;
    product.contract.name = product.contract.dataProduct = product.folder;
    gen.domains.push({ folder, domain: { ...clone(x.d.domain), name: folder }, products: [product] });
    return `domains/${folder}: products/${product.folder} takes the names of ${x.d.folder}/${x.p.folder}`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    const access = (x.p.product.access ?? {}) as Doc;
    x.p.product.access = access;
    if (g(fc.boolean)) access.autoApprove = [pick(g, ["Bad Ref", "a/b/c", "-x", ""])];
    else access.approvals = [{ consumer: "analytics", approvedBy: pick(g, ["not-an-email", "a@b.co"]), date: pick(g, ["2026-13-01", "yesterday", "2026-01-01"]) }];
    return `${x.p.folder}/product.yaml: access list`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    const pipeline = x.p.product.pipeline as Doc;
    const change = pick(g, [
      () => { pipeline.image = pick(g, ["registry.example.com/team/job:latest", "job", "Registry.example.com/x:1", "r.example.com/x"]); },
      () => { pipeline.schedule = pick(g, ["every hour", "* * * *", "@often", "*/0 * * * *", "", "61 * * * *"]); },
      () => { pipeline.resources = { cpu: pick(g, ["1 core", "-1", "500M", ""]), memory: pick(g, ["1GB", "512", "1Ti"]) }; },
    ]);
    change();
    return `${x.p.folder}/product.yaml: pipeline`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    x.p.product.overrides = { noncurrentVersionDays: pick(g, [0, 6, 366, 30.5, "30"]) };
    return `${x.p.folder}/product.yaml: overrides out of bounds`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    x.p.product.deidentification = { method: pick(g, ["hashing", "safe-harbor"]), reviewedBy: pick(g, ["nobody", "a@example.com"]), date: "2026-01-01" };
    return `${x.p.folder}/product.yaml: deidentification`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    const c = x.p.contract;
    const field = pick(g, ["apiVersion", "kind", "version", "status", "domain", "dataProduct", "id", "name"] as const);
    const bad: Record<typeof field, unknown[]> = {
      apiVersion: ["v3.0.2", "3.1.0", ""], kind: ["Contract", ""], version: ["1.0", "v1.0.0", "01.0.0", "1.0.0.0", ""], status: ["live", ""],
      domain: ["other", ""], dataProduct: ["other", ""], id: ["", "has space"], name: [""],
    };
    c[field] = pick(g, bad[field]);
    return `${x.p.folder}/contract.odcs.yaml: ${field}`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    const schema = x.p.contract.schema as Doc[];
    const obj = pick(g, schema);
    const props = obj.properties as Doc[];
    const prop = pick(g, props);
    const change = pick(g, [
      () => { prop.logicalType = pick(g, ["money", "String", "", "array", "object"]); delete prop.items; delete prop.properties; },
      () => { prop.physicalType = pick(g, ["money", "int", "varchar(x)", "decimal(10,2)", "timestamp", "geometry"]); },
      () => { prop.classification = pick(g, ["secret", "public", "restricted", "", 3]); },
      () => { prop.tags = pick(g, [["pii"], ["phi"], ["PII", "PHI"], "pii", [1]]); },
      () => { prop.partitioned = true; prop.partitionKeyPosition = pick(g, [0, 2, 5, -1, 1.5]); },
      () => { props.forEach((p) => { p.partitioned = true; }); },
      () => { props.push(clone(prop)); },
      () => { schema.push(clone(obj)); },
      () => { prop.name = pick(g, ["Bad-Name", "", "1abc", "a".repeat(129), "ünï"]); },
      () => { prop.quality = [pick(g, [{ metric: "nullValues" }, { metric: "nope", mustBe: 0 }, { type: "sql" }, "rule"])]; },
      () => { prop.items = { name: "x" }; prop.logicalType = "array"; },
    ]);
    change();
    return `${x.p.folder}/contract.odcs.yaml: schema property ${String(prop.name)}`;
  },
  (g, gen) => {
    // A property nested many levels deep, sometimes with a typo at the bottom: up to 8 levels load, deeper is a
    // ConfigError before the ODCS schema validation runs (which was exponential in the depth and overflowed the stack).
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    const alternating = g(fc.boolean);
    const depth = g(fc.integer, { min: 1, max: pick(g, [12, 40, 600]) });
    let item: Doc = { name: "leaf", logicalType: "string", ...(g(fc.boolean) ? { colour: "red" } : {}) };
    for (let i = 0; i < depth; i++) item = !alternating || i % 2 === 0 ? { name: `n${i}`, logicalType: "array", items: item } : { name: `n${i}`, logicalType: "object", properties: [item] };
    ((x.p.contract.schema as Doc[])[0]!.properties as Doc[]).push({ ...item, name: "deeply_nested" });
    return `${x.p.folder}/contract.odcs.yaml: a property nested ${depth} levels deep${alternating ? " (arrays of objects)" : ""}`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    const sla = x.p.contract.slaProperties as Doc[];
    const change = pick(g, [
      () => { sla.splice(0, sla.length, ...sla.filter((s) => s.property !== "latency")); },
      () => { sla.splice(0, sla.length, ...sla.filter((s) => s.property !== "retention")); },
      () => { const s = sla.find((p) => p.property === "latency")!; s.unit = pick(g, ["m", "fortnight", "", null, 5]); },
      () => { const s = sla.find((p) => p.property === "latency")!; s.value = pick(g, [0, -1, "abc", null, true, Infinity, "1e3", 1e-9]); },
      () => { const s = sla.find((p) => p.property === "retention")!; s.value = pick(g, [0, -5, "ten"]); },
      () => { sla.push({ property: "availability", value: pick(g, [0, 101, "high", -1]) }); },
      () => { sla.push({ property: "frequency", value: pick(g, [0, "x"]), unit: "h" }); },
    ]);
    change();
    return `${x.p.folder}/contract.odcs.yaml: SLA`;
  },
  (g, gen) => {
    const x = anyProduct(g, gen);
    if (!x) return undefined;
    const c = x.p.contract;
    const change = pick(g, [
      () => { c.customProperties = [{ property: "tier", value: 1 }]; },
      () => { c.customProperties = [{ property: "classification", value: pick(g, ["secret", "", null, ["public"]]) }]; },
      () => { (c.team as Doc).members = [{ username: "a@example.com", role: "steward" }]; },
      () => { c.team = [{ username: "a@example.com", role: "owner" }]; },
      () => { c.team = "team"; },
      () => { c.schema = []; },
      () => { c.description = "a string, not an object"; },
    ]);
    change();
    return `${x.p.folder}/contract.odcs.yaml: contract-level field`;
  },
];
