import type { Classification, ComplianceRegime } from "./common";
import { ConfigError } from "./errors";
import type { MeshModel } from "./model";

/** Compliance regimes whose every product sits inside the data perimeter (HIPAA PHI, PCI cardholder data). */
export const PERIMETER_REGIMES: readonly ComplianceRegime[] = ["hipaa", "pci"];

/**
 * Whether a product's bucket (and its domain's key) gets the data perimeter: it is classified restricted, or its
 * domain declares HIPAA or PCI. Inside the perimeter only declared principals reach the data, whatever broad IAM
 * policy another role of the account holds.
 */
export function needsPerimeter(compliance: readonly string[], classification: Classification | string | undefined): boolean {
  return classification === "restricted" || compliance.some((c) => (PERIMETER_REGIMES as readonly string[]).includes(c));
}

/** Why a product is inside the perimeter, for messages: "classified restricted" or "domain compliance hipaa". */
export function perimeterReason(compliance: readonly string[], classification: string | undefined): string {
  const regimes = compliance.filter((c) => (PERIMETER_REGIMES as readonly string[]).includes(c));
  return regimes.length > 0 ? `domain compliance ${regimes.join(", ")}` : `classified ${classification}`;
}

/** The account of an IAM role ARN (arn:aws:iam::<account>:role/<name>). */
export function roleAccount(roleArn: string): string {
  return roleArn.split(":")[4] ?? "";
}

/**
 * Every account a perimeter-protected product deploys to needs a deployer role (or the next `pulumi up` could not
 * manage the bucket and key policies) and a break-glass role (or nobody could regain access) in mesh.yaml.
 */
export function checkPerimeterRoles(mesh: MeshModel): void {
  const needed = new Map<string, string>(); // account → the first product that needs a perimeter there
  for (const domain of mesh.domains) {
    const product = domain.products.find((p) => needsPerimeter(domain.config.compliance, p.contract.classification));
    if (!product) continue;
    for (const [env, e] of Object.entries(domain.config.environments)) {
      if (!needed.has(e.account)) needed.set(e.account, `${domain.name}/${product.name} (${env}, ${perimeterReason(domain.config.compliance, product.contract.classification)})`);
    }
  }
  for (const field of ["deployerRoles", "breakGlassRoles"] as const) {
    const declared = new Set(mesh.config[field].map(roleAccount));
    for (const [account, product] of [...needed].sort(([a], [b]) => a.localeCompare(b))) {
      if (declared.has(account)) continue;
      const example = field === "deployerRoles" ? "datamesh-platform-deployer" : "datamesh-break-glass";
      throw new ConfigError("mesh.yaml", field, `names no role in account ${account}, where ${product} is inside the data perimeter; add the ARN of the ${field === "deployerRoles" ? "role that deploys there" : "emergency-access role there"}, such as arn:aws:iam::${account}:role/${example}`);
    }
  }
}
