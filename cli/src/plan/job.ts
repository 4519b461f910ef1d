import type { Finding } from "@data-mesh/components/policies/types";
import type { StackCost } from "../diff/cost";

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
  /** Where the worker writes the stack's manifest (the parent only receives the counts). */
  manifestFile: string;
  /** The mesh as the parent validated it (v8-serialised MeshModel), so workers need not parse it again. */
  meshModel?: { root: string; file: string; digest: string };
  /** Key of the digests that show a secret input changed (see recorder.ts). */
  secretKey?: string;
  /** mesh.yaml price overrides for the cost estimate. */
  priceOverrides: Record<string, number>;
  /** The file mode mask to write the manifest with: the CLI's (a resident server's workers keep their own). */
  umask?: number;
}

/** What the summary needs of a planned stack, without shipping the manifest between processes. */
export interface StackStats {
  resources: number;
  protectedResources: number;
  byType: Record<string, number>;
  millis: number;
  /** Fixed monthly cost estimate of the stack. */
  cost: StackCost;
  /** Governance findings of the stack (also in its manifest). */
  findings: Finding[];
}

export type StackResult =
  | { ok: true; stack: string; stats: StackStats }
  | { ok: false; stack: string; kind: "config" | "internal"; message: string };
