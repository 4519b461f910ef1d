import { RULES } from "../../policies/catalog";
import { ConfigError } from "./errors";

/**
 * A waiver must name an advisory governance rule: an unknown id is a typo that would silently waive nothing, and
 * mandatory rules cannot be waived at all. Checked when domain.yaml loads, before any plan.
 */
export function checkWaivers(file: string, waivers: readonly { rule: string }[]): void {
  const waivable = RULES.filter((r) => r.severity === "advisory").map((r) => r.id);
  waivers.forEach((w, i) => {
    const rule = RULES.find((r) => r.id === w.rule);
    if (!rule) throw new ConfigError(file, `waivers[${i}].rule`, `"${w.rule}" is not a governance rule; advisory rules that may be waived: ${waivable.join(", ")}`);
    if (rule.severity === "mandatory") throw new ConfigError(file, `waivers[${i}].rule`, `${w.rule} is mandatory and cannot be waived; advisory rules that may be waived: ${waivable.join(", ")}`);
  });
}
