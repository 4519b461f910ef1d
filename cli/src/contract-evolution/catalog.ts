import type { ChangeRule } from "./rule";
import { contractClassificationRaised } from "./rules/contract-classification-raised";
import { descriptionChanged } from "./rules/description-changed";
import { fieldAdded } from "./rules/field-added";
import { fieldClassificationRaised } from "./rules/field-classification-raised";
import { fieldRemoved } from "./rules/field-removed";
import { fieldRenamed } from "./rules/field-renamed";
import { logicalTypeChanged } from "./rules/logical-type-changed";
import { objectAdded } from "./rules/object-added";
import { objectRemoved } from "./rules/object-removed";
import { partitioningChanged } from "./rules/partitioning-changed";
import { physicalTypeNarrowed } from "./rules/physical-type-narrowed";
import { physicalTypeWidened } from "./rules/physical-type-widened";
import { primaryKeyChanged } from "./rules/primary-key-changed";
import { qualityRuleAdded } from "./rules/quality-rule-added";
import { qualityRuleWeakened } from "./rules/quality-rule-weakened";
import { qualityThresholdTightened } from "./rules/quality-threshold-tightened";
import { requiredChanged } from "./rules/required-changed";
import { requiredFieldAdded } from "./rules/required-field-added";
import { retentionShortened } from "./rules/retention-shortened";
import { serverMoved } from "./rules/server-moved";
import { slaAvailabilityWeakened } from "./rules/sla-availability-weakened";
import { slaFrequencyWeakened } from "./rules/sla-frequency-weakened";
import { slaImproved } from "./rules/sla-improved";
import { slaLatencyWeakened } from "./rules/sla-latency-weakened";
import { uniqueChanged } from "./rules/unique-changed";
import { validValuesRemoved } from "./rules/valid-values-removed";
import { validationFormatChanged } from "./rules/validation-format-changed";
import { validationLengthTightened } from "./rules/validation-length-tightened";
import { validationLoosened } from "./rules/validation-loosened";
import { validationPatternChanged } from "./rules/validation-pattern-changed";
import { validationRangeTightened } from "./rules/validation-range-tightened";

/** Every contract change rule, breaking first; docs/contract-changes.md is generated from this list. */
export const CHANGE_RULES: readonly ChangeRule[] = [
  objectRemoved,
  fieldRemoved,
  fieldRenamed,
  logicalTypeChanged,
  physicalTypeNarrowed,
  requiredFieldAdded,
  requiredChanged,
  uniqueChanged,
  primaryKeyChanged,
  partitioningChanged,
  validationPatternChanged,
  validationFormatChanged,
  validationLengthTightened,
  validationRangeTightened,
  validValuesRemoved,
  slaLatencyWeakened,
  slaFrequencyWeakened,
  slaAvailabilityWeakened,
  retentionShortened,
  fieldClassificationRaised,
  contractClassificationRaised,
  serverMoved,
  physicalTypeWidened,
  validationLoosened,
  qualityRuleAdded,
  qualityThresholdTightened,
  qualityRuleWeakened,
  objectAdded,
  fieldAdded,
  slaImproved,
  descriptionChanged,
];
