import type { ContractView, ObjectView, PropertyView } from "./view";

/**
 * A contract change rule, one per change kind (rules/). Levels follow datacontract-cli's breaking rules (error →
 * breaking): breaking changes are verified against the declared consumers; warnings and info are reported.
 */
export type ChangeLevel = "breaking" | "warning" | "info";

/**
 * Whom a breaking change can affect: the consumers reading the changed field, every consumer of the changed
 * port (schema object), or every consumer of the contract (SLA, classification, servers).
 */
export type ChangeScope = "field" | "port" | "contract";

/** One detected change: which rule, where in the contract, old → new. */
export interface ContractChange {
  rule: string;
  level: ChangeLevel;
  scope: ChangeScope;
  /** The schema object (port), unless the change is about the whole contract. */
  port?: string;
  /** The field's dotted name, for field-level changes (for a rename: the old name). */
  field?: string;
  path: string;
  old?: unknown;
  new?: unknown;
  /** One sentence: what changed. */
  message: string;
}

/** Base and head of one contract, with their objects and properties paired by name. */
export interface ContractPair {
  base: ContractView;
  head: ContractView;
  /** Objects in both, by name. */
  objects: { base: ObjectView; head: ObjectView }[];
  removedObjects: ObjectView[];
  addedObjects: ObjectView[];
  /** Properties of objects in both: same name, removed, added, and renamed (a stable id or physicalName kept). */
  properties: { object: string; base: PropertyView; head: PropertyView }[];
  removedProperties: { object: string; property: PropertyView }[];
  addedProperties: { object: string; property: PropertyView }[];
  renamedProperties: { object: string; base: PropertyView; head: PropertyView }[];
}

export interface ChangeRule {
  /** Stable id, kebab-case, e.g. field-removed. */
  id: string;
  title: string;
  level: ChangeLevel;
  scope: ChangeScope;
  /** The datacontract-cli breaking rules it corresponds to, for readers coming from that tool. */
  datacontractCli: string[];
  /** One line: why a consumer cares. */
  description: string;
  /** One line: what the producer should do. */
  action: string;
  detect(pair: ContractPair): ContractChange[];
}

/** A change of `rule` at `path`, filling in the rule's level and scope. */
export function changeOf(rule: Pick<ChangeRule, "id" | "level" | "scope">, c: Omit<ContractChange, "rule" | "level" | "scope">): ContractChange {
  return { rule: rule.id, level: rule.level, scope: rule.scope, ...c };
}
