import { CHANGE_RULES } from "./catalog";
import { pairContracts } from "./pair";
import type { ChangeRule, ContractChange } from "./rule";
import type { Doc } from "./view";

/** Every change between two versions of one contract (same domain, product and major), rule by rule. */
export function detectChanges(base: Doc, head: Doc, rules: readonly ChangeRule[] = CHANGE_RULES): ContractChange[] {
  const pair = pairContracts(base, head);
  return rules.flatMap((r) => r.detect(pair));
}
