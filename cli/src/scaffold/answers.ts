import type { z } from "zod";
import { CliError, EXIT } from "../errors";

/** One value a scaffold needs: from its flag, else asked on a terminal, else a "missing --flag" error. */
export interface Question {
  /** The flag without dashes, such as "cost-center". */
  flag: string;
  /** What the prompt asks. */
  message: string;
  /** The schema the value must pass (the same one the config loader uses), after `parse`. */
  schema?: z.ZodType;
  /** Turns the text typed or passed into the value checked and written (e.g. a comma list). */
  parse?: (text: string) => unknown;
  /** Used when neither the flag nor a prompt gives a value. */
  default?: string;
  choices?: readonly string[];
  /** What one entry of a list value is called in errors ("column 2"), counted from 1 as the user typed them. */
  item?: string;
}

export type Answers = Record<string, unknown>;

/** Prompts only for a person at a terminal; CI and pipes get flags only. */
export function interactive(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "false";
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && !ci;
}

function check(q: Question, text: string): { value: unknown } | { problem: string } {
  const value = q.parse ? q.parse(text) : text;
  if (q.choices && !q.choices.includes(text)) return { problem: `must be one of ${q.choices.join(", ")}` };
  if (!q.schema) return { value };
  const r = q.schema.safeParse(value);
  if (r.success) return { value: r.data };
  const issue = r.error.issues[0]!;
  // Entries are counted from 1, as the user typed them: `--columns "id,Amount"` has a bad column 2, not [1].
  const where = issue.path.map((p) => (typeof p === "number" ? `${q.item ?? "item"} ${p + 1}` : String(p))).join(" › ");
  return { problem: `${where ? `${where}: ` : ""}${issue.message}` };
}

/**
 * Resolves every question: flags first (each checked with its schema, all problems reported together), then a
 * prompt for each one still missing when `ask` is on, else one error naming every missing flag.
 */
export async function resolveAnswers(questions: Question[], flags: Record<string, string | undefined>, ask: boolean): Promise<Answers> {
  const answers: Answers = {};
  const problems: string[] = [];
  const missing: Question[] = [];
  for (const q of questions) {
    const text = flags[q.flag];
    if (text === undefined) {
      missing.push(q);
      continue;
    }
    const r = check(q, text);
    if ("problem" in r) problems.push(`--${q.flag} ${JSON.stringify(text)}: ${r.problem}`);
    else answers[q.flag] = r.value;
  }
  if (problems.length > 0) throw new CliError(EXIT.config, problems.join("\n"));
  const required = missing.filter((q) => q.default === undefined);
  if (!ask) {
    if (required.length > 0) throw new CliError(EXIT.config, `missing ${required.map((q) => `--${q.flag}`).join(", ")} (no terminal to ask on: pass ${required.length > 1 ? "them" : "it"} as flags; see --help)`);
  } else if (missing.length > 0) {
    // Loaded only when a person is asked: the prompt library is not needed on the plain path.
    const { input, select } = require("@inquirer/prompts") as typeof import("@inquirer/prompts");
    for (const q of missing) {
      const validate = (text: string) => {
        const r = check(q, text);
        return "problem" in r ? r.problem : true;
      };
      const text = q.choices
        ? await select({ message: q.message, choices: q.choices.map((c) => ({ value: c })), default: q.default })
        : await input({ message: q.message, default: q.default, validate });
      answers[q.flag] = (check(q, text) as { value: unknown }).value;
    }
    return answers;
  }
  for (const q of missing) {
    const r = check(q, q.default!);
    if ("problem" in r) throw new CliError(EXIT.internal, `default of --${q.flag} is invalid: ${r.problem}`);
    answers[q.flag] = r.value;
  }
  return answers;
}

/** A comma list: "a, b,c" → ["a", "b", "c"]; empty text → []. */
export function commaList(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
