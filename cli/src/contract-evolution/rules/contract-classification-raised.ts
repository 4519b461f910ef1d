import { classificationRank } from "@data-mesh/components/src/contract/classification";
import type { Classification } from "@data-mesh/components/src/config/common";
import { type ChangeRule, changeOf } from "../rule";

export const contractClassificationRaised: ChangeRule = {
  id: "contract-classification-raised",
  title: "Classification of the contract raised",
  level: "breaking",
  scope: "contract",
  datacontractCli: ["field_classification_updated"],
  description: "Every consumer was approved at the old classification.",
  action: "re-approve each consumer at the new classification (access.approvals), or publish the change in a new major",
  detect(pair) {
    const before = pair.base.classification as Classification | undefined;
    const after = pair.head.classification as Classification | undefined;
    if (!before || !after || classificationRank(after) <= classificationRank(before)) return [];
    return [changeOf(this, { path: "customProperties[classification].value", old: before, new: after, message: "classification of the contract raised" })];
  },
};
