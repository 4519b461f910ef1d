import { classificationRank, CLASSIFICATIONS, productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** Every product and port is classified, and the product is at least as sensitive as its most sensitive port. */
export const meshProductClassification: Rule = {
  id: "mesh-product-classification",
  title: "Every data product is classified",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Classification" }],
  description: "Classification drives encryption, retention, LF-tags and who may be approved; an unclassified or under-classified product gets the wrong controls.",
  fix: `Set the contract's classification (${CLASSIFICATIONS.join(", ")}) at least as high as every schema object's.`,
  resourceTypes: [T.dataProduct],
  check(product) {
    const { classification, ports } = productInputs(product);
    if (classificationRank(classification) < 0) return `classification ${classification ?? "(none)"} is not one of ${CLASSIFICATIONS.join(", ")}`;
    return list(ports).flatMap((p) => {
      if (classificationRank(p.classification) < 0) return [`port ${p.name} has no valid classification`];
      return classificationRank(p.classification) > classificationRank(classification) ? [`port ${p.name} is ${p.classification}, above the product's ${classification}`] : [];
    });
  },
};
