/**
 * ODCS SLA values come as a number and a unit ("d, day, days for days; y, yr, years for years"). This turns them
 * into seconds. A bare "m" is refused: in ODCS examples it means minutes in some contracts and months in others.
 */
const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, wk: 604800, week: 604800, weeks: 604800,
  mo: 2592000, month: 2592000, months: 2592000,
  y: 31536000, yr: 31536000, yrs: 31536000, year: 31536000, years: 31536000,
};

export const DURATION_UNITS = Object.keys(UNIT_SECONDS);

/** Seconds for `value` `unit`, or an explanation of why it is not a duration. */
export function durationSeconds(value: unknown, unit: unknown): { seconds: number } | { problem: string } {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return { problem: `value must be a positive number, got ${JSON.stringify(value)}` };
  if (typeof unit !== "string" || !(unit.toLowerCase() in UNIT_SECONDS)) {
    return { problem: `unit must be one of s, min, h, d, w, mo, y (got ${JSON.stringify(unit)})` };
  }
  const seconds = Math.round(n * UNIT_SECONDS[unit.toLowerCase()]!);
  if (seconds < 1) return { problem: `must be at least one second (got ${n} ${unit})` };
  return { seconds };
}
