import type { Classification, ComplianceRegime } from "./common";
import { ConfigError, throwCollected } from "./errors";
import type { MeshModel } from "./model";
import { arnPartition, regionPartition } from "./role-arn";

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
 * manage the bucket and key policies) and a break-glass role (or nobody could regain access) in mesh.yaml. Each
 * role must sit in an account some environment uses (another is a typo: it would leave the intended account without
 * its role) and in that environment's partition (arn:aws-cn:… can never match a principal in eu-west-1). Every
 * problem is reported in one run.
 */
export function checkPerimeterRoles(mesh: MeshModel): void {
  const needed = new Map<string, string>(); // account → the first product that needs a perimeter there
  const partitions = new Map<string, Set<string>>(); // account → the partitions of the regions its environments use
  const usedBy = (account: string, region: string) => partitions.set(account, (partitions.get(account) ?? new Set()).add(regionPartition(region)));
  for (const e of Object.values(mesh.config.environments)) usedBy(e.account, e.region);
  for (const domain of mesh.domains) {
    for (const e of Object.values(domain.config.environments)) usedBy(e.account, e.region);
    const product = domain.products.find((p) => needsPerimeter(domain.config.compliance, p.contract.classification));
    if (!product) continue;
    for (const [env, e] of Object.entries(domain.config.environments)) {
      if (!needed.has(e.account)) needed.set(e.account, `${domain.name}/${product.name} (${env}, ${perimeterReason(domain.config.compliance, product.contract.classification)})`);
    }
  }
  const errors: ConfigError[] = [];
  for (const field of ["deployerRoles", "breakGlassRoles"] as const) {
    mesh.config[field].forEach((arn, i) => {
      const account = roleAccount(arn);
      const expected = partitions.get(account);
      if (!expected) {
        errors.push(new ConfigError("mesh.yaml", `${field}[${i}]`, `${arn} is in account ${account}, which no environment of mesh.yaml or of a domain uses (${[...partitions.keys()].sort().join(", ")}); is the account mistyped?`));
      } else if (!expected.has(arnPartition(arn))) {
        const want = [...expected].join(" or ");
        errors.push(new ConfigError("mesh.yaml", `${field}[${i}]`, `${arn} is in partition ${arnPartition(arn)}, but account ${account} deploys to partition ${want} (from its environments' regions), so the role could never match; write arn:${[...expected][0]}:iam::${account}:${roleResource(arn)}`));
      }
    });
    const declared = new Set(mesh.config[field].map(roleAccount));
    for (const [account, product] of [...needed].sort(([a], [b]) => a.localeCompare(b))) {
      if (declared.has(account)) continue;
      const example = field === "deployerRoles" ? "datamesh-platform-deployer" : "datamesh-break-glass";
      const partition = [...(partitions.get(account) ?? ["aws"])][0];
      errors.push(new ConfigError("mesh.yaml", field, `names no role in account ${account}, where ${product} is inside the data perimeter; add the ARN of the ${field === "deployerRoles" ? "role that deploys there" : "emergency-access role there"}, such as arn:${partition}:iam::${account}:role/${example}`));
    }
  }
  throwCollected(errors);
}

/** The resource part of an ARN: role/<path>/<name>. */
function roleResource(arn: string): string {
  return arn.split(":").slice(5).join(":");
}
