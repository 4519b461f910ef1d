/** Exit codes of the mesh CLI: scripts and CI branch on them. */
export const EXIT = { ok: 0, internal: 1, config: 2, blocked: 3, environment: 4 } as const;

/** An error the CLI reports as one line and turns into its exit code. */
export class CliError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
    this.name = "CliError";
  }
}
