import type { ContractModel } from "../contract/load";
import type { DomainConfig } from "./domain";
import type { MeshConfig } from "./mesh";
import type { ProductConfig } from "./product";

/** A consumer's declared read of one port, and whether the producer allows it. */
export interface AccessGrant {
  consumerDomain: string;
  consumerProduct: string;
  port: string;
  major: number;
  fields: string[];
  purpose: string;
  /** Declared fields the port does not publish (only when loaded with missingInputFields: "record"); never granted. */
  missingFields?: string[];
  /** How the producer allowed it; undefined means the request is pending and no access is granted. */
  approvedVia?: "autoApprove" | "approval";
}

export interface ProductModel {
  name: string;
  domain: string;
  /** Path of the product folder relative to the mesh root, for messages. */
  dir: string;
  config: ProductConfig;
  /** contract.odcs.yaml: the current major. */
  contract: ContractModel;
  /**
   * Older majors still served beside the current one, newest first: one `contract.v<major>.odcs.yaml` each,
   * deprecated with an end-of-life date. Every schema object of such a file is served at that major.
   */
  olderMajors: ContractModel[];
  /** Every consumer that declared an input on one of this product's served ports and majors. */
  consumers: AccessGrant[];
  /** Declared reads of an older major of this product that it no longer serves: they block the plan. */
  unservedReads: AccessGrant[];
}

/** One port at one major that a product serves, with the contract that defines it. */
export interface ServedPort {
  port: string;
  major: number;
  contract: ContractModel;
  /** True for an older major kept beside the current one (or a current contract with status deprecated). */
  deprecated: boolean;
}

/** Every port and major a product serves: the current contract's output ports, then each older major's objects. */
export function servedPorts(product: Pick<ProductModel, "config" | "contract" | "olderMajors">): ServedPort[] {
  const isDeprecated = (c: ContractModel) => c.status === "deprecated";
  return [
    ...product.config.outputPorts.map((port) => ({ port, major: product.contract.major, contract: product.contract, deprecated: isDeprecated(product.contract) })),
    ...product.olderMajors.flatMap((c) => Object.keys(c.ports).map((port) => ({ port, major: c.major, contract: c, deprecated: true }))),
  ];
}

export interface DomainModel {
  name: string;
  dir: string;
  config: DomainConfig;
  products: ProductModel[];
}

export interface MeshModel {
  root: string;
  config: MeshConfig;
  domains: DomainModel[];
}
