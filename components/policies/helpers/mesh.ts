import { type Classification, CLASSIFICATIONS } from "../../src/config/common";

export { CLASSIFICATIONS };
import type { PolicyResource, StackView } from "../types";
import { T } from "./types";
import { list } from "./values";

/** Rank on the contract scale (public < internal < confidential < restricted); -1 for anything else. */
export function classificationRank(value: unknown): number {
  return CLASSIFICATIONS.indexOf(value as Classification);
}

/** A DataProduct's own inputs (describeProduct in the blueprint), as the rules read them. */
export interface ProductDescription {
  domain: string;
  product: string;
  owners?: string[];
  classification?: string;
  sensitivity?: "none" | "pii" | "phi";
  contractVersion?: string;
  sla?: { latencySeconds?: number; frequencySeconds?: number; retentionDays?: number };
  ports?: { name: string; major: number; table: string; classification: string; containsPii: boolean; containsPhi: boolean; deprecation?: { contractVersion: string; endOfLife?: string } }[];
  inputs?: { from: string; classification: string; containsPhi: boolean; approved: boolean }[];
  /** `major` is absent in products described by blueprint 1.0.0, which served one major per port. */
  consumers?: { consumer: string; port: string; major?: number; fields: string[]; roleArn?: string; approvedVia?: "autoApprove" | "approval" }[];
  deidentification?: { method: string; reviewedBy: string; date: string };
}

export function productInputs(product: PolicyResource): ProductDescription {
  return product.inputs as ProductDescription;
}

/** The Domain a resource belongs to (the resource itself when it is one). */
export function domainOf(resource: PolicyResource, stack: StackView): PolicyResource | undefined {
  return resource.type === T.domain ? resource : stack.ancestor(resource, T.domain);
}

/** The HIPAA profile applies to resources of domains whose domain.yaml declares `compliance: [hipaa]`. */
export function isHipaa(resource: PolicyResource, stack: StackView): boolean {
  return list(domainOf(resource, stack)?.inputs.compliance as string[] | undefined).includes("hipaa");
}

/** Every resource under a component, at any depth. */
export function descendants(root: PolicyResource, stack: StackView): PolicyResource[] {
  const out: PolicyResource[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of stack.children(queue.shift()!)) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Approved inputs only: a pending request reads nothing, so it carries no data into the product. */
export function approvedInputs(product: ProductDescription): NonNullable<ProductDescription["inputs"]> {
  return list(product.inputs).filter((i) => i.approved);
}

/** The producer role of a DataProduct (the role its pipeline runs as). */
export function producerRoleOf(product: PolicyResource, stack: StackView): PolicyResource | undefined {
  return stack.children(product, T.iamRole)[0];
}

/** The tag a resource carries (`tags` input), or undefined. */
export function tagOf(resource: PolicyResource, key: string): string | undefined {
  const tags = resource.inputs.tags as Record<string, string> | undefined;
  return tags?.[key];
}
