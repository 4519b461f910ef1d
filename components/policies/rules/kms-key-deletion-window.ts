import { T } from "../helpers/types";
import type { Rule } from "../types";

const MAX_WINDOW_DAYS = 30;

/** A key scheduled for deletion can be rescued for the whole waiting period: the blueprint uses the longest. */
export const kmsKeyDeletionWindow: Rule = {
  id: "kms-key-deletion-window",
  title: "KMS keys keep the 30-day deletion window",
  severity: "mandatory",
  standards: [{ framework: "AWS FSBP", control: "KMS.3" }],
  description: "Deleting a key makes every object it encrypted unreadable; a short waiting period leaves little time to notice and cancel.",
  fix: "Set deletionWindowInDays to 30 (or leave it unset: 30 is the default).",
  resourceTypes: [T.kmsKey],
  check(key) {
    const window = key.inputs.deletionWindowInDays;
    return window === undefined || Number(window) >= MAX_WINDOW_DAYS ? undefined : `deletion window is ${window} days, not ${MAX_WINDOW_DAYS}`;
  },
};
