import type { ContractView, SlaView } from "./view";

/** Path of an SLA property in the contract: `slaProperties[latency].value`. */
export function slaPath(_view: ContractView, property: keyof SlaView): string {
  return `slaProperties[${property}].value`;
}

/** Seconds or percent, for a reader. */
export function showSla(property: keyof SlaView, value: number | undefined): string {
  if (value === undefined) return "none";
  if (property === "availability") return `${value}%`;
  for (const [unit, s] of [["d", 86400], ["h", 3600], ["min", 60]] as const) if (value % s === 0) return `${value / s} ${unit}`;
  return `${value} s`;
}
