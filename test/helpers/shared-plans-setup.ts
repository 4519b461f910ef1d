import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Global setup of a suite whose files share plans (helpers/shared-plan.ts): one folder for the run, removed at its
 * end. Plans are made on first use, so running one file plans only what that file asks for.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "shared-plans-"));
  project.provide("sharedPlansDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
