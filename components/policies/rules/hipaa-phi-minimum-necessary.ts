import { isHipaa } from "../helpers/mesh";
import { phiPorts, principalReads, readsPort } from "../helpers/phi";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Consumers of PHI read through Lake Formation column grants only, which return just the fields they declared. */
export const hipaaPhiMinimumNecessary: Rule = {
  id: "hipaa-phi-minimum-necessary",
  title: "PHI is read through column grants, not whole objects",
  severity: "advisory",
  standards: [
    { framework: "HIPAA", control: "§164.502(b)" },
    { framework: "HIPAA", control: "§164.514(d)" },
  ],
  description: "HIPAA profile, advisory: a bucket-policy read of a PHI port's objects returns every column, including fields the consumer never declared; the blueprint still grants object reads because Spark and Glue jobs read S3 directly, until they use Lake Formation credential vending.",
  fix: "Serve PHI ports to consumers through Lake Formation (column grants with credential vending) and drop their bucket-policy reads.",
  resourceTypes: [T.dataProduct],
  check(product, stack) {
    if (!isHipaa(product, stack)) return undefined;
    const ports = phiPorts(product);
    return principalReads(product, stack).flatMap((read) => {
      const port = ports.find((p) => readsPort(read, p));
      return port ? [`${read.principals.join(", ")} can read whole objects of PHI port ${port.name}`] : [];
    });
  },
};
