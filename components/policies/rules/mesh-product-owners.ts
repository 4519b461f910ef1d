import { productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Every data product names the people accountable for it. */
export const meshProductOwners: Rule = {
  id: "mesh-product-owners",
  title: "Every data product has owners",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Data as a product: ownership" }],
  description: "A product nobody owns has nobody to answer consumers, approve access or fix a broken SLA.",
  fix: "List the owners (team contacts) in the contract's team section.",
  resourceTypes: [T.dataProduct],
  check(product) {
    const owners = list(productInputs(product).owners).filter((o) => typeof o === "string" && o.trim() !== "");
    return owners.length > 0 ? undefined : "names no owners";
  },
};
