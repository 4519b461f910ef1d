import fc from "fast-check";
import { genericMutation } from "./doc-mutations";
import { chance, draw, type G, pick } from "./gen-helpers";
import { clone, type Doc, type GenMesh, type GenProduct } from "./mesh-model";
import { cron, prose } from "./words";

/**
 * Edit sequences for the warm-vs-cold cache properties: what a domain team, the platform team or CI does between
 * two plans that share one out/.cache. Most edits keep the mesh valid (so stacks are planned and cached); some
 * break it (both plans must then fail alike), some go back to an earlier state (cache hits on old keys), some
 * switch the code (see code-variants.ts) and some damage the cache's files.
 */
export interface EditState {
  gen: GenMesh;
  /** Earlier states of the mesh, for edits that revert. */
  history: GenMesh[];
  /** Index of the code variant the next plan runs. */
  variant: number;
}

export type EditKind = "config" | "contract" | "domain" | "mesh" | "prices" | "broken" | "revert" | "code" | "damage";

const KINDS: { kind: EditKind; weight: number }[] = [
  { kind: "config", weight: 5 },
  { kind: "contract", weight: 4 },
  { kind: "domain", weight: 2 },
  { kind: "mesh", weight: 2 },
  { kind: "prices", weight: 2 },
  { kind: "broken", weight: 1 },
  { kind: "revert", weight: 2 },
  { kind: "code", weight: 3 },
  { kind: "damage", weight: 2 },
];
const KIND = fc.constantFrom(...KINDS.flatMap((k) => Array.from({ length: k.weight }, () => k.kind)));
const DESCRIPTION = prose(10).filter((s) => s.length < 400);
const PRICED_TYPES = ["aws:kms/key:Key", "aws:s3/bucket:Bucket", "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/dashboard:Dashboard", "custom-metric"];

function products(gen: GenMesh): { domain: string; p: GenProduct }[] {
  return gen.domains.flatMap((d) => d.products.map((p) => ({ domain: d.folder, p })));
}

function editProduct(g: G, p: GenProduct): string {
  const doc = p.product;
  // An earlier "broken" edit may have replaced any part of the document.
  if (!doc.pipeline || typeof doc.pipeline !== "object") doc.pipeline = {};
  const pipeline = doc.pipeline as Doc;
  switch (g(fc.nat, 4)) {
    case 0:
      doc.description = draw(g, DESCRIPTION);
      return "description";
    case 1:
      doc.tags = pick(g, [[], ["gold"], ["finance", "ops"], ["pii-free"]]);
      return `tags ${JSON.stringify(doc.tags)}`;
    case 2:
      // Explicit resources equal to today's default, other values, or none (the schema's default).
      if (chance(g, 0.3)) delete pipeline.resources;
      else pipeline.resources = { cpu: pick(g, ["250m", "500m", "750m", "1"]), memory: pick(g, ["512Mi", "1Gi", "2Gi"]) };
      return `pipeline.resources ${JSON.stringify(pipeline.resources ?? "default")}`;
    case 3:
      pipeline.schedule = draw(g, cron);
      return `pipeline.schedule ${String(pipeline.schedule)}`;
    default: {
      const auto = (doc.access as Doc | undefined)?.autoApprove;
      if (Array.isArray(auto) && auto.length > 0) auto.splice(g(fc.nat, auto.length - 1), 1);
      return "access.autoApprove shortened";
    }
  }
}

function editContract(g: G, p: GenProduct): string {
  const doc = p.contract;
  switch (g(fc.nat, 2)) {
    case 0:
      const description = doc.description && typeof doc.description === "object" ? (doc.description as Doc) : {};
      doc.description = { ...description, purpose: draw(g, DESCRIPTION) };
      return "description.purpose";
    case 1: {
      // A patch release: same major (the port's identity), so consumers keep reading it.
      doc.version = String(doc.version).replace(/^(\d+)\.(\d+)\.(\d+)/, (_, M: string, m: string, pt: string) => `${M}.${m}.${Number(pt) + 1}`);
      return `version ${String(doc.version)}`;
    }
    default: {
      const sla = Array.isArray(doc.slaProperties) ? (doc.slaProperties as Doc[]) : [];
      const latency = sla.find((s) => s && s.property === "latency");
      if (latency) Object.assign(latency, { value: pick(g, [15, 30, 60, 120]), unit: "m" });
      return "slaProperties latency";
    }
  }
}

/** Applies one random edit to the state and says what it did (the kind first). */
export function applyEdit(g: G, state: EditState, variants: number): { kind: EditKind; what: string } {
  const all = products(state.gen);
  let kind = draw(g, KIND);
  if (((kind === "config" || kind === "contract") && all.length === 0) || (kind === "domain" && state.gen.domains.length === 0)) kind = "mesh";
  if (kind !== "revert" && kind !== "code" && kind !== "damage") state.history.push(clone(state.gen));
  switch (kind) {
    case "config": {
      const { domain, p } = pick(g, all);
      return { kind, what: `${domain}/${p.folder}/product.yaml ${editProduct(g, p)}` };
    }
    case "contract": {
      const { domain, p } = pick(g, all);
      return { kind, what: `${domain}/${p.folder}/contract.odcs.yaml ${editContract(g, p)}` };
    }
    case "domain": {
      const d = pick(g, state.gen.domains);
      if (chance(g, 0.5)) d.domain.description = draw(g, DESCRIPTION);
      else d.domain.costCenter = pick(g, ["CC-1", "CC-200", "FIN-9", "OPS-42"]);
      return { kind, what: `${d.folder}/domain.yaml` };
    }
    case "mesh": {
      if (chance(g, 0.5)) state.gen.mesh.prefix = pick(g, ["fx", "acme", "dm", "mesh1"]);
      else state.gen.mesh.description = draw(g, DESCRIPTION);
      return { kind, what: `mesh.yaml prefix ${String(state.gen.mesh.prefix)}` };
    }
    case "prices": {
      if (chance(g, 0.2)) delete state.gen.mesh.pricing;
      else {
        const old = state.gen.mesh.pricing as { overrides?: unknown } | undefined;
        const overrides = old?.overrides && typeof old.overrides === "object" ? (old.overrides as Record<string, number>) : {};
        const pricing = { overrides };
        overrides[pick(g, PRICED_TYPES)] = pick(g, [0, 0.5, 2, 3.25]);
        state.gen.mesh.pricing = pricing;
      }
      return { kind, what: `mesh.yaml pricing ${JSON.stringify(state.gen.mesh.pricing ?? "none")}` };
    }
    case "broken":
      return { kind, what: genericMutation(g, state.gen) };
    case "revert": {
      if (state.history.length === 0) return { kind, what: "nothing to revert" };
      const back = g(fc.nat, state.history.length - 1);
      state.gen = clone(state.history[back]!);
      return { kind, what: `back to state ${back}` };
    }
    case "code":
      state.variant = g(fc.nat, variants - 1);
      return { kind, what: `code variant ${state.variant}` };
    case "damage":
      return { kind, what: "cache files damaged" };
  }
}

/** A cache file damaged the ways disks, tools and people do: truncated, a byte flipped, emptied, or replaced. */
export function damageBytes(g: G, data: Buffer): { data: Buffer; how: string } {
  if (data.length === 0) return { data: Buffer.from("{}"), how: "replaced" };
  switch (g(fc.nat, 3)) {
    case 0: {
      const at = g(fc.nat, data.length - 1);
      return { data: data.subarray(0, at), how: `truncated to ${at} bytes` };
    }
    case 1: {
      const copy = Buffer.from(data);
      const at = g(fc.nat, copy.length - 1);
      copy[at] = copy[at]! ^ (1 << g(fc.nat, 7));
      return { data: copy, how: `bit flipped at ${at}` };
    }
    case 2:
      return { data: Buffer.alloc(0), how: "emptied" };
    default:
      return { data: Buffer.from(data.toString("latin1").replace(/500m/g, "900m").replace(/true/g, "fals"), "latin1"), how: "edited in place" };
  }
}
