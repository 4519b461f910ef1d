import type { Finding } from "@data-mesh/components/policies/types";

/** One resource of a planned stack, as written to out/plan/<stack>.json. */
export interface ManifestResource {
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  id?: string;
  parent?: string;
  provider?: string;
  dependsOn: string[];
  protect: boolean;
  retainOnDelete: boolean;
  /** Aliases declared for renames: URNs or alias specs. */
  aliases: (string | Record<string, unknown>)[];
  inputs: Record<string, unknown>;
  /** Resource options the diff honours as the engine does; recorded only when set. */
  replaceOnChanges?: string[];
  ignoreChanges?: string[];
  deleteBeforeReplace?: boolean;
  /** The ARN a real deployment would report, when the type has one. */
  arn?: string;
}

export interface StackManifest {
  stack: string;
  project: string;
  domain: string;
  env: string;
  blueprintVersion: string;
  /** Governance findings: what the policy pack would report in `pulumi preview`. */
  findings?: Finding[];
  resources: ManifestResource[];
}

export const SECRET_MASK = "[secret]";
