import { descendants } from "../helpers/mesh";
import { T } from "../helpers/types";
import { forEachString, list } from "../helpers/values";
import type { Rule } from "../types";

const REGION = "[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d";
const REGIONAL_ARN = new RegExp(`^arn:aws[a-z-]*:[a-z0-9-]+:(${REGION}):`);
const REGIONAL_HOST = new RegExp(`\\.(${REGION})\\.amazonaws\\.com`);
const REGION_VALUE = new RegExp(`^${REGION}$`);

/** The regions a string points at: an ARN's region, a regional endpoint, or a `region` field. */
function regionsIn(text: string, key: string | undefined): string[] {
  // The substring tests only skip the regular expressions where they cannot match (every string of every resource).
  const found = [text.startsWith("arn:aws") ? REGIONAL_ARN.exec(text)?.[1] : undefined, text.includes(".amazonaws.com") ? REGIONAL_HOST.exec(text)?.[1] : undefined];
  if (key && /region$/i.test(key) && REGION_VALUE.test(text)) found.push(text);
  return found.filter((r): r is string => r !== undefined);
}

/** A domain deploys, and every resource of its stack points, only into the mesh's allowed regions. */
export const meshDataResidency: Rule = {
  id: "mesh-data-residency",
  title: "Data stays in the mesh's allowed regions",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Data residency (mesh.yaml allowedRegions)" }],
  description: "GDPR and banking rules bind data to regions; a provider, ARN, endpoint or region field outside mesh.yaml's allowedRegions moves or reads data outside them.",
  fix: "Deploy the domain to an allowed region and read only inputs served from allowed regions (or widen allowedRegions with the governance group).",
  resourceTypes: [T.domain],
  check(domain, stack) {
    const allowed = list(domain.inputs.allowedRegions as string[] | undefined);
    const problems: string[] = [];
    if (!allowed.includes(String(domain.inputs.region))) problems.push(`deploys to ${domain.inputs.region}, outside ${allowed.join(", ")}`);
    for (const resource of descendants(domain, stack)) {
      const outside = new Set<string>();
      forEachString(resource.inputs, (text, key) => regionsIn(text, key).filter((r) => !allowed.includes(r)).forEach((r) => outside.add(r)));
      if (outside.size > 0) problems.push(`${resource.name} points to ${[...outside].join(", ")}`);
    }
    return problems;
  },
};
