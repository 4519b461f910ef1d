import { approvedInputs, classificationRank, productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/** A port is classified at least as high as the most sensitive input it is built from, unless de-identification is declared. */
export const meshClassificationNotLowered: Rule = {
  id: "mesh-classification-not-lowered",
  title: "Classification is never lowered from input to output",
  severity: "mandatory",
  standards: [
    { framework: "Mesh", control: "Classification propagates" },
    { framework: "HIPAA", control: "§164.514(b)" },
  ],
  description: "Publishing restricted inputs as internal data launders them past the approvals and controls of the higher class; only declared de-identification may lower it. Pending inputs carry no data and do not count.",
  fix: "Raise the port's classification in the contract, or declare deidentification in product.yaml when the product really removes the sensitive content.",
  resourceTypes: [T.dataProduct],
  check(product) {
    const description = productInputs(product);
    if (description.deidentification) return undefined;
    const inputs = approvedInputs(description);
    if (inputs.length === 0) return undefined;
    const highest = inputs.reduce((a, b) => (classificationRank(b.classification) > classificationRank(a.classification) ? b : a));
    return list(description.ports)
      .filter((p) => classificationRank(p.classification) < classificationRank(highest.classification))
      .map((p) => `port ${p.name} is ${p.classification} but reads ${highest.classification} data from ${highest.from}`);
  },
};
