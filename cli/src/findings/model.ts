import type { MeshModel } from "@data-mesh/components/src/config/model";
import type { Comparison } from "../diff/compare";
import type { PlanSummary } from "../plan/summary";

/**
 * One model for everything a plan has to say about a change: a governance rule, data about to be lost, a contract
 * change, an access change, a deprecation. Each source returns findings; one gate (gate.ts) decides whether the
 * plan is blocked and one report (report/findings.ts) renders them. A new concern adds a source, not a special case
 * in the plan command.
 */
export type FindingLevel = "blocking" | "warning" | "info";

/** What a finding is about. Sources owned by other concerns add their kind here. */
export type FindingKind = "governance" | "data-loss" | "contract-change" | "version" | "access-change" | "deprecation" | "location-change" | "reserved-word";

/** Who must act on a finding: the owning domain, and the team and contact when known. */
export interface FindingOwner {
  domain: string;
  product?: string;
  team?: string;
  /** An email address or a chat channel. */
  contact?: string;
}

/** What a finding is about: a stack resource, or a contract (and a path into it). */
export interface FindingSubject {
  stack?: string;
  urn?: string;
  /** A contract's port, as domain/product/port@major. */
  contract?: string;
  /** A path into the contract, such as schema[customers].properties[email].logicalType. */
  path?: string;
}

/** A consumer whose declared use a finding affects, and what it relies on. */
export interface AffectedConsumer {
  /** domain/product */
  product: string;
  owner: FindingOwner;
  /** What the consumer relies on that the change breaks: a field, an SLA, a classification. */
  reliesOn: string;
  /** Hops from the changed contract: 1 reads it directly, 2 reads a product built from it, … */
  hops: number;
  /** For hops > 1: the chain of ports the impact travelled through. */
  via?: string[];
}

export interface PlanFinding {
  level: FindingLevel;
  kind: FindingKind;
  /** The rule or check that produced it, such as s3-tls-only or field-removed. */
  rule: string;
  owner: FindingOwner;
  subject: FindingSubject;
  /** Why this matters, in one sentence. */
  reason: string;
  /** What to do about it. */
  action: string;
  old?: unknown;
  new?: unknown;
  consumers?: AffectedConsumer[];
  /** Set when a waiver or the double opt-in turned a finding that would block into a lesser one. */
  waived?: string;
}

/** Everything a finding source may look at. Sources must not write files or read the clock (use `today`). */
export interface FindingContext {
  mesh: MeshModel;
  summary: PlanSummary;
  comparison?: Comparison;
  /** The plan output folder being written (staging) and the base's, when planning with --base. */
  headDir: string;
  base?: { dir: string; label: string; root?: string };
  /** Today's date (YYYY-MM-DD), injected so tests can move the clock. */
  today: string;
}

/** A producer of findings. Register it in sources/index.ts. */
export type FindingSource = (ctx: FindingContext) => PlanFinding[];

/** The owner of a domain as domain.yaml declares it (team, and email or Slack channel). */
export function domainOwner(mesh: MeshModel, domain: string, product?: string): FindingOwner {
  const d = mesh.domains.find((x) => x.name === domain);
  const owner = d?.config.owner;
  return { domain, ...(product ? { product } : {}), ...(owner ? { team: owner.team, contact: owner.email } : {}) };
}

/** One line naming an owner: `customers (team customer-data, amira@…)`. */
export function ownerLabel(o: FindingOwner): string {
  const who = [o.team && `team ${o.team}`, o.contact].filter(Boolean).join(", ");
  return `${o.product ? `${o.domain}/${o.product}` : o.domain}${who ? ` (${who})` : ""}`;
}
