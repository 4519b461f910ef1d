import { productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Every product publishes under a semantic contract version whose major is each port's major (older majors: their own contract's). */
export const meshProductContractVersion: Rule = {
  id: "mesh-product-contract-version",
  title: "Every data product has a versioned contract",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Data contracts" }],
  description: "Consumers bind to a port's major version; without a semantic version breaking changes cannot be told from compatible ones.",
  fix: "Give contract.odcs.yaml a semantic version (MAJOR.MINOR.PATCH); ports take its major.",
  resourceTypes: [T.dataProduct],
  check(product) {
    const { contractVersion, ports } = productInputs(product);
    const match = SEMVER.exec(String(contractVersion ?? ""));
    if (!match) return `contract version ${contractVersion ?? "(none)"} is not a semantic version`;
    // An older major served beside the current one carries its own contract version (contract.v<major>.odcs.yaml).
    const majorOf = (p: { major: number; deprecation?: { contractVersion: string } }) => (p.deprecation ? Number(SEMVER.exec(p.deprecation.contractVersion)?.[1]) : Number(match[1]));
    const off = list(ports).filter((p) => p.major !== majorOf(p) || p.major > Number(match[1]));
    return off.length > 0 ? `ports ${off.map((p) => `${p.name}@${p.major}`).join(", ")} do not match contract major ${match[1]}` : undefined;
  },
};
