import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

/** The repository the CLI ships in: its Pulumi project is the program every stack runs. */
export const REPO_ROOT = resolve(__dirname, "..", "..");
export const PROGRAM = join(REPO_ROOT, "index.ts");

export function projectName(): string {
  return (parse(readFileSync(join(REPO_ROOT, "Pulumi.yaml"), "utf8")) as { name: string }).name;
}
