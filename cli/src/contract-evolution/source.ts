import type { MeshModel, ProductModel } from "@data-mesh/components/src/config/model";
import { CHANGE_RULES } from "./catalog";
import { detectChanges } from "./detect";
import { affectedConsumers, portRef } from "./impact";
import type { ContractChange } from "./rule";
import { showSla } from "./sla";
import { baseSnapshot, type ContractEntry, contractsOf } from "./snapshot";
import { domainOwner, type FindingOwner, type FindingSource, type PlanFinding, ownerLabel } from "../findings/model";
import type { Doc } from "./view";
import type { SlaView } from "./view";

const RULES = new Map(CHANGE_RULES.map((r) => [r.id, r]));

function producerOwner(mesh: MeshModel, p: ProductModel): FindingOwner {
  const domain = domainOwner(mesh, p.domain, p.name);
  return { ...domain, team: p.contract.team ?? domain.team };
}

/** Same content, ignoring the version line and key order. */
function canonical(doc: Doc): string {
  const sort = (v: unknown): unknown => (Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "version").sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sort(x)])) : v);
  return JSON.stringify(sort(doc));
}

function versionParts(v: string): [number, number, number] {
  const [a, b, c] = v.split(/[.-]/).map(Number);
  return [a ?? 0, b ?? 0, c ?? 0];
}

function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** What a consumer relies on that a change touches, in words. */
function reliance(c: ContractChange): (fields: string[]) => string {
  if (c.scope === "field") return (fields) => `field ${fields.join(", ")}`;
  if (c.path.startsWith("slaProperties[")) {
    const prop = c.path.slice("slaProperties[".length, c.path.indexOf("]")) as keyof SlaView;
    return () => `the ${prop} SLA of ${showSla(prop, c.old as number)}`;
  }
  if (c.path.startsWith("customProperties[classification]")) return () => `its approval at classification ${String(c.old)}`;
  if (c.scope === "port") return (fields) => `port ${c.port} (fields ${fields.join(", ")})`;
  return () => `the contract's ${c.path}`;
}

function show(v: unknown, path: string): unknown {
  if (path.startsWith("slaProperties[") && (typeof v === "number" || v === undefined)) return showSla(path.slice(14, path.indexOf("]")) as keyof SlaView, v as number | undefined);
  return v;
}

function changeFinding(mesh: MeshModel, producer: ProductModel, base: ContractEntry, headVersion: string, major: number, c: ContractChange): PlanFinding {
  const rule = RULES.get(c.rule)!;
  const key = `${producer.domain}/${producer.name}`;
  const contract = c.port ? portRef(key, c.port, major) : `${key}@${major}`;
  const owner = producerOwner(mesh, producer);
  const common = { kind: "contract-change" as const, rule: c.rule, owner, subject: { contract, path: c.path }, old: show(c.old, c.path), new: show(c.new, c.path) };
  if (c.level !== "breaking") return { ...common, level: c.level, reason: c.message, action: rule.action };
  const consumers = affectedConsumers(mesh, producer, major, c, reliance(c));
  const bump = `${major + 1}.0.0`;
  const within = base.version === headVersion ? `version ${headVersion} unchanged` : `${base.version} → ${headVersion}, still major ${major}`;
  if (consumers.length === 0) {
    return { ...common, level: "warning", reason: `${c.message} (${within}): breaking, but for nobody today — no declared consumer relies on it`, action: `bump the version to ${bump} (recommended: an undeclared reader may rely on it), or ${rule.action}` };
  }
  const direct = consumers.filter((x) => x.hops === 1);
  return {
    ...common,
    level: "blocking",
    reason: `${c.message} (${within}) breaks ${consumers.length} declared consumer(s): ${consumers.map((x) => x.product).join(", ")}`,
    action: `${rule.action}: publish ${bump} beside @${major} (keep @${major} until its consumers moved) and talk to ${direct.map((x) => ownerLabel(x.owner)).join("; ")}`,
    consumers,
  };
}

function versionFindings(mesh: MeshModel, producer: ProductModel, base: ContractEntry, head: { version: string; doc: Doc; major: number }, changes: ContractChange[]): PlanFinding[] {
  const subject = { contract: `${producer.domain}/${producer.name}@${head.major}`, path: "version" };
  const owner = producerOwner(mesh, producer);
  const common = { kind: "version" as const, owner, subject };
  if (compareVersions(head.version, base.version) < 0) {
    return [{ ...common, old: base.version, new: head.version, level: "warning", rule: "version-lowered", reason: "the contract's version went down", action: "versions only go up: restore the base version or raise it" }];
  }
  if (head.version === base.version && canonical(base.doc) !== canonical(head.doc)) {
    const breaking = changes.some((c) => c.level === "breaking");
    return [{ ...common, level: "warning", rule: "version-unchanged", reason: `the contract changed (${changes.length} change(s)) but its version stays ${head.version}`, action: breaking ? `raise the major (${head.major + 1}.0.0) for the breaking changes` : "raise the minor version for a compatible change (added field or object, stronger SLA), the patch version for documentation" }];
  }
  return [];
}

/** A consumer that reads a field the port does not publish (removed, renamed, or never there). */
function missingReadFindings(mesh: MeshModel, covered: Set<string>): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const producer of mesh.domains.flatMap((d) => d.products)) {
    for (const g of producer.consumers) {
      for (const field of g.missingFields ?? []) {
        const who = `${g.consumerDomain}/${g.consumerProduct}`;
        const contract = portRef(`${producer.domain}/${producer.name}`, g.port, g.major);
        if (covered.has(`${contract}|${field}|${who}`)) continue;
        const consumerOwner = domainOwner(mesh, g.consumerDomain, g.consumerProduct);
        out.push({
          level: "blocking",
          kind: "contract-change",
          rule: "consumer-field-missing",
          owner: producerOwner(mesh, producer),
          subject: { contract, path: `schema[${g.port}].properties[${field}]` },
          reason: `${who} reads ${field}, which ${contract} does not publish`,
          action: `restore ${field} in ${contract} (or remove it in a new major and keep @${g.major}), or, if ${who} no longer needs it, drop it from its inputs; talk to ${ownerLabel(consumerOwner)}`,
          consumers: [{ product: who, owner: consumerOwner, reliesOn: `field ${field}`, hops: 1 }],
        });
      }
    }
  }
  return out;
}

/**
 * Contract changes against the base (every rule of the catalog, per contract keyed by domain, product and major),
 * judged by the declared consumers they break; the version discipline of each changed contract; and consumers
 * reading fields their port no longer publishes.
 */
export const contractChangeFindings: FindingSource = ({ mesh, base }) => {
  const findings: PlanFinding[] = [];
  const snapshot = base && baseSnapshot(base);
  if (base && !snapshot) {
    findings.push({ level: "info", kind: "contract-change", rule: "base-without-contracts", owner: { domain: "platform" }, subject: {}, reason: `the base ${base.label} has no contracts.json and no mesh root to read contracts from`, action: "plan against a git ref or a mesh root to check contract changes" });
  }
  for (const producer of snapshot ? mesh.domains.flatMap((d) => d.products) : []) {
    for (const contract of contractsOf(producer)) {
      const before = snapshot!.contracts.find((c) => c.domain === producer.domain && c.product === producer.name && c.major === contract.major);
      if (!before) continue;
      const doc = contract.doc as Doc;
      const changes = detectChanges(before.doc, doc);
      findings.push(...changes.map((c) => changeFinding(mesh, producer, before, contract.version, contract.major, c)));
      findings.push(...versionFindings(mesh, producer, before, { version: contract.version, doc, major: contract.major }, changes));
    }
  }
  // A read of a removed or renamed field is already explained, consumer by consumer, by that change's finding.
  const covered = new Set(
    findings.filter((f) => f.rule === "field-removed" || f.rule === "field-renamed").flatMap((f) => (f.consumers ?? []).filter((c) => c.hops === 1).map((c) => `${f.subject.contract}|${String(f.old)}|${c.product}`)),
  );
  return [...findings, ...missingReadFindings(mesh, covered)];
};
