import { CLASSIFICATIONS, type Classification } from "../config/common";

/** Position of a classification on the public < internal < confidential < restricted scale. */
export function classificationRank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

export function maxClassification(values: readonly Classification[]): Classification {
  return values.reduce<Classification>((a, b) => (classificationRank(b) > classificationRank(a) ? b : a), "public");
}

/** The lowest classification a field may have given its sensitivity tags. */
export function minimumFor(tags: readonly string[]): Classification {
  if (tags.includes("phi")) return "restricted";
  if (tags.includes("pii") || tags.includes("pci")) return "confidential";
  return "public";
}
