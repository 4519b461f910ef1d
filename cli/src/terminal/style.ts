/** Text styles for a report; plain strings when colour is off. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

/**
 * Colour only for a person at a terminal: never in CI logs, PR comments or pipes, never with NO_COLOR set
 * (https://no-color.org), and FORCE_COLOR=0 turns it off too.
 */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR === "0") return false;
  if (env.CI !== undefined && env.CI !== "" && env.CI !== "false") return false;
  return Boolean(stream.isTTY);
}

/** Progress lines on stderr follow the same rule as colour: a terminal, not CI. */
export const progressWanted = colourWanted;

// SGR codes (ECMA-48); util.styleText decides on its own whether stdout is a terminal, and we style stderr too.
const paint = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const same = (s: string) => s;

export function style(colour: boolean): Style {
  if (!colour) return { bold: same, dim: same, red: same, green: same, yellow: same };
  return { bold: paint(1, 22), dim: paint(2, 22), red: paint(31, 39), green: paint(32, 39), yellow: paint(33, 39) };
}

export const PLAIN: Style = style(false);
