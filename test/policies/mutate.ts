import type { PolicyResource } from "../../components/policies/types";

type Doc = { Statement: Record<string, any>[] };

/**
 * A deep copy of recorded resources that a test may break (or harden) one targeted field at a time. Resources are
 * found by type and logical name, because names repeat across types (a CronJob and an alarm are both `*-quality`).
 */
export class Mutable {
  readonly resources: PolicyResource[];

  constructor(source: readonly PolicyResource[]) {
    this.resources = structuredClone(source) as PolicyResource[];
  }

  get(type: string, name: string): PolicyResource {
    const found = this.resources.find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`no ${type} named ${name} in the fixture`);
    return found;
  }

  inputs(type: string, name: string): Record<string, any> {
    return this.get(type, name).inputs;
  }

  all(type: string): PolicyResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** Edits a JSON policy document input in place (bucket, key, topic, IAM and trust policies). */
  policy(type: string, name: string, edit: (doc: Doc) => void, field = "policy"): void {
    const inputs = this.inputs(type, name);
    const doc = JSON.parse(inputs[field]) as Doc;
    edit(doc);
    inputs[field] = JSON.stringify(doc);
  }

  /** The statement of a policy document with this Sid. */
  static statement(doc: Doc, sid: string): Record<string, any> {
    const s = doc.Statement.find((x) => x.Sid === sid);
    if (!s) throw new Error(`no statement ${sid}`);
    return s;
  }

  static dropStatement(doc: Doc, sid: string): void {
    Mutable.statement(doc, sid);
    doc.Statement = doc.Statement.filter((x) => x.Sid !== sid);
  }

  remove(type: string, name: string): void {
    const target = this.get(type, name);
    this.resources.splice(this.resources.indexOf(target), 1);
  }

  /** Declares an extra resource under a component (or another resource), as custom code in a domain could. */
  add(type: string, name: string, parent: { type: string; name: string }, inputs: Record<string, any>, dependsOn: { type: string; name: string }[] = []): PolicyResource {
    const p = this.get(parent.type, parent.name);
    const chain = p.urn.split("::")[2]!;
    const resource: PolicyResource = {
      urn: `${p.urn.split("::").slice(0, 2).join("::")}::${chain}$${type}::${name}`,
      type,
      name,
      inputs,
      protect: false,
      retainOnDelete: false,
      parent: p.urn,
      dependsOn: dependsOn.map((d) => this.get(d.type, d.name).urn),
    };
    this.resources.push(resource);
    return resource;
  }
}
