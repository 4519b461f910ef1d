import { classificationRank } from "@data-mesh/components/src/contract/classification";
import type { Classification } from "@data-mesh/components/src/config/common";
import { type ChangeRule, changeOf } from "../rule";
import { classificationOf } from "../view";

export const fieldClassificationRaised: ChangeRule = {
  id: "field-classification-raised",
  title: "Classification of a field raised",
  level: "breaking",
  scope: "field",
  datacontractCli: ["field_classification_updated"],
  description: "Consumers were approved to read the field at its old classification; a higher one needs a new approval and may forbid their use.",
  action: "re-approve each reader at the new classification (access.approvals), or publish the field in a new major",
  detect(pair) {
    return pair.properties.flatMap(({ object, base, head }) => {
      const before = classificationOf(base, pair.base) as Classification | undefined;
      const after = classificationOf(head, pair.head) as Classification | undefined;
      if (!before || !after || classificationRank(after) <= classificationRank(before)) return [];
      return [changeOf(this, { port: object, field: base.name, path: `${head.path}.classification`, old: before, new: after, message: `classification of ${base.name} raised` })];
    });
  },
};
