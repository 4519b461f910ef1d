/** What the parent process asks a plan worker to do: run one stack's program on the mock runtime. */
export interface StackJob {
  stack: string;
  project: string;
  /** Absolute path of the Pulumi program (the repo's index.ts). */
  program: string;
  /** Stack config as Pulumi would pass it (`mesh:domain`, `mesh:env`, `mesh:root`, ...). */
  config: Record<string, string>;
  domain: string;
  env: string;
  /** Where resources without an explicit provider location are mocked. */
  location: { region: string; account: string };
}

export type StackResult =
  | { ok: true; stack: string; manifestJson: string; resourceCount: number; millis: number }
  | { ok: false; stack: string; kind: "config" | "internal"; message: string };
