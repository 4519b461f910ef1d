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
  contract: ContractModel;
  /** Every consumer that declared an input on one of this product's ports. */
  consumers: AccessGrant[];
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
