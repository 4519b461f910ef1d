/** Phase timings of a plan, printed to stderr when MESH_TIMING is set (the benchmark's profile uses them). */
let started = Date.now();
let phases: [string, number][] = [];

export function mark(phase: string): void {
  phases.push([phase, Date.now() - started]);
  if (process.env.MESH_TIMING) process.stderr.write(`[timing] ${String(Date.now() - started).padStart(6)} ms  ${phase}\n`);
}

export function timings(): readonly [string, number][] {
  return phases;
}

/** Starts the clock again: a resident plan server times each command from when it received it. */
export function restartTimings(): void {
  started = Date.now();
  phases = [];
}
