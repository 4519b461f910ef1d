import type { AccessGrant, MeshModel, ProductModel } from "../config/model";
import { servedPorts } from "../config/model";
import { contactOf, describeContact, type ProductContact } from "./contacts";

/**
 * A finding about the majors a product serves and its consumers read. `blocking` stops the plan (exit 3);
 * `warning` is shown in every plan. `owner` is the product that must act.
 */
export interface VersionFinding {
  level: "blocking" | "warning";
  rule: "major-removed-while-read" | "deprecated-major-read" | "end-of-life-major-read";
  /** The product that must act: the producer for a removed major, the consumer for a deprecated one. */
  owner: ProductContact;
  /** `domain/product/port@major` */
  port: string;
  message: string;
  /** The consumers concerned, with the fields each reads. */
  consumers: { contact: ProductContact; fields: string[] }[];
}

const DAY_MS = 86_400_000;

/** Whole days from `today` to `date` (both ISO calendar days); negative once `date` has passed. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

const products = (mesh: MeshModel): ProductModel[] => mesh.domains.flatMap((d) => d.products);
const consumerOf = (mesh: MeshModel, g: AccessGrant) => ({ contact: contactOf(mesh, g.consumerDomain, g.consumerProduct), fields: g.fields });

/**
 * A producer removed a major (or bumped past it without keeping `contract.v<major>.odcs.yaml`) while declared
 * consumers still read it: blocking, one finding per port and major, naming every consumer on it.
 */
export function removedMajorFindings(mesh: MeshModel): VersionFinding[] {
  const out: VersionFinding[] = [];
  for (const producer of products(mesh)) {
    const byPort = new Map<string, AccessGrant[]>();
    for (const g of producer.unservedReads) byPort.set(`${g.port}@${g.major}`, [...(byPort.get(`${g.port}@${g.major}`) ?? []), g]);
    for (const [portAtMajor, grants] of byPort) {
      const port = portAtMajor.split("@")[0]!;
      const serves = servedPorts(producer).filter((s) => s.port === port).map((s) => `${port}@${s.major}`).join(", ");
      const consumers = grants.map((g) => consumerOf(mesh, g));
      const major = portAtMajor.split("@")[1];
      out.push({
        level: "blocking",
        rule: "major-removed-while-read",
        owner: contactOf(mesh, producer.domain, producer.name),
        port: `${producer.domain}/${producer.name}/${portAtMajor}`,
        consumers,
        message: `${producer.domain}/${producer.name} no longer serves ${portAtMajor} (it serves ${serves}) but ${consumers.length} declared consumer(s) still read it: ${consumers.map((c) => `${describeContact(c.contact)} reads [${c.fields.join(", ")}]`).join("; ")}. Keep serving it beside the new major (contract.v${major}.odcs.yaml with status: deprecated and an endOfLife date) until they move, or agree with them to remove their input first.`,
      });
    }
  }
  return out;
}

/**
 * Consumers reading a deprecated major: a warning with the days left until its end of life, and a blocking
 * finding once that day has passed. `today` is an ISO date, passed in (never read from the clock here) so plans
 * and tests are reproducible.
 */
export function deprecationFindings(mesh: MeshModel, today: string): VersionFinding[] {
  const out: VersionFinding[] = [];
  for (const producer of products(mesh)) {
    const served = servedPorts(producer);
    const current = producer.contract.major;
    for (const g of producer.consumers) {
      const s = served.find((x) => x.port === g.port && x.major === g.major);
      if (!s?.deprecated) continue;
      const eol = s.contract.sla.endOfLife;
      const eos = s.contract.sla.endOfSupport;
      const consumer = consumerOf(mesh, g);
      const port = `${producer.domain}/${producer.name}/${g.port}@${g.major}`;
      const move = served.some((x) => x.port === g.port && x.major === current && x.major !== g.major) ? `move to ${g.port}@${current}` : "find a replacement";
      const producerContact = describeContact(contactOf(mesh, producer.domain, producer.name));
      const support = eos ? (daysBetween(today, eos) < 0 ? `, unsupported since ${eos}` : `, supported until ${eos}`) : "";
      const left = eol === undefined ? undefined : daysBetween(today, eol);
      const past = left !== undefined && left < 0;
      const when = eol === undefined ? "no end-of-life date yet" : past ? `reached its end of life on ${eol} (${-left!} day(s) ago)` : `reaches its end of life on ${eol} (${left} day(s) left)`;
      out.push({
        level: past ? "blocking" : "warning",
        rule: past ? "end-of-life-major-read" : "deprecated-major-read",
        owner: consumer.contact,
        port,
        consumers: [consumer],
        message: `${consumer.contact.product} reads ${port}, which is deprecated and ${when}${support}: ${move} (ask ${producerContact}).`,
      });
    }
  }
  return out;
}

/** Every version finding of a mesh, blocking ones first. */
export function versionFindings(mesh: MeshModel, today: string): VersionFinding[] {
  const all = [...removedMajorFindings(mesh), ...deprecationFindings(mesh, today)];
  return [...all.filter((f) => f.level === "blocking"), ...all.filter((f) => f.level === "warning")];
}
