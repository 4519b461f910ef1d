import type { Classification, ComplianceRegime } from "../config/common";
import type { ContractPort, ContractSla, QualityRule } from "../contract/load";
import type { Names } from "../naming/names";

/** The tags every resource carries (DESIGN: domain, product, owner, classification, cost-centre, blueprint, env). */
export type Tags = Record<string, string>;

/** A consumer that may read one port: the deterministic ARN of its role and the columns it declared. */
export interface ConsumerGrant {
  consumer: string;
  roleArn: string;
  port: string;
  /** The major of the port the consumer reads (a product may serve several side by side). */
  major: number;
  table: string;
  fields: string[];
  purpose: string;
  /** How the producer allowed the read: an auto-approve entry or an explicit, reviewed approval. */
  approvedVia: "autoApprove" | "approval";
}

/** A port this product reads from another product, with the producer's deterministic names. */
export interface InputRead {
  from: string;
  bucket: string;
  prefix: string;
  database: string;
  table: string;
  account: string;
  region: string;
  /** The producer domain's KMS key alias: deterministic, so a consumer in another account can name the key by it. */
  keyAlias: string;
  fields: string[];
  /** False while the producer has not approved: no permissions are created. */
  approved: boolean;
  /** Classification and PHI content of the fields read, for the "never lowered" and de-identification rules. */
  classification: Classification;
  containsPhi: boolean;
}

export interface OutputPortSpec {
  name: string;
  major: number;
  table: string;
  /** S3 prefix of this port's data inside the product bucket: `<port>/v<major>/`. */
  prefix: string;
  port: ContractPort;
  /** Set for an older major served beside the current one (or a deprecated current contract). */
  deprecation?: { contractVersion: string; latencySeconds: number; endOfSupport?: string; endOfLife?: string };
}

export interface KubernetesSpec {
  oidcIssuer: string;
  /** The environment's EKS cluster: its kubeconfig cluster entry (the ARN) and context pin the provider. */
  clusterArn: string;
  context: string;
}

/** Everything a DataProduct declares, resolved and validated from the product's files. */
export interface DataProductSpec {
  name: string;
  description: string;
  classification: Classification;
  containsPii: boolean;
  containsPhi: boolean;
  owners: string[];
  contractVersion: string;
  sla: ContractSla;
  ports: OutputPortSpec[];
  quality: QualityRule[];
  consumers: ConsumerGrant[];
  /** Declared reads that the producer has not approved yet (shown in the plan, no access granted). */
  pendingConsumers: string[];
  inputs: InputRead[];
  pipeline: { image: string; schedule: string; resources: { cpu: string; memory: string } };
  qualitySchedule: string;
  noncurrentVersionDays?: number;
  tags: string[];
  /** Declared de-identification of what the product reads (HIPAA §164.514), if any. */
  deidentification?: { method: string; reviewedBy: string; date: string };
  /** Inside the data perimeter: classified restricted, or in a HIPAA or PCI domain (config/perimeter.ts). */
  perimeter: boolean;
}

/** The platform roles the data perimeter lets in besides producers and consumers: those of the domain's account. */
export interface PerimeterRoles {
  /** mesh.yaml deployerRoles: they run `pulumi up`, so they keep managing bucket and key policies. */
  deployers: string[];
  /** mesh.yaml breakGlassRoles: an operator assumes one to regain access (docs/platform-team.md). */
  breakGlass: string[];
}

/** An advisory governance rule waived for one resource, with a reason and an expiry date. */
export interface Waiver {
  rule: string;
  resource: string;
  reason: string;
  expires: string;
}

/** Everything a Domain declares for one environment. */
export interface DomainSpec {
  name: string;
  description: string;
  owner: { team: string; email: string; slack?: string };
  costCenter: string;
  compliance: ComplianceRegime[];
  environment: string;
  production: boolean;
  allowDestroy: boolean;
  region: string;
  account: string;
  organizationId: string;
  athenaBytesScannedCutoffGb: number;
  kubernetes?: KubernetesSpec;
  /** Image of the platform's quality-check runner (mesh.yaml). */
  qualityRunnerImage: string;
  /** Data residency of the mesh (mesh.yaml allowedRegions). */
  allowedRegions: string[];
  /** Advisory-rule waivers declared in domain.yaml. */
  waivers: Waiver[];
  names: Names;
  /**
   * True when the domain deploys to the platform stack's own account and region, where the CloudTrail evidence
   * table is: only then do products get the CloudTrail usage query.
   */
  platformHome: boolean;
  /** mesh.yaml's deployer and break-glass roles in this domain's account. */
  perimeterRoles: PerimeterRoles;
  products: DataProductSpec[];
}
