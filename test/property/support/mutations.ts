import fc from "fast-check";
import { genericMutation, TARGETED } from "./doc-mutations";
import { FILE_MUTATIONS } from "./file-mutations";
import { type G, pick } from "./gen-helpers";
import { meshFiles } from "./mesh-files";
import { clone, type GenMesh, type MeshFiles } from "./mesh-model";

/**
 * Breaks a valid mesh the ways people and tools break config files: wrong types, unknown keys, missing fields,
 * out-of-range values, dangling references, renamed or missing files, and files that are not YAML at all.
 * Each mutation says what it did, so a failing case reads as a story.
 */

/** A valid mesh with 1-3 mutations applied, as files, and what was done to it. */
export function mutate(g: G, valid: GenMesh): { files: MeshFiles; applied: string[] } {
  const gen = clone(valid);
  const applied: string[] = [];
  const docLevel = g(fc.integer, { min: 0, max: 2 });
  // A mutation that no longer applies after an earlier one (a field it edits is gone or has another type) is skipped.
  const attempt = (mutation: () => string | undefined) => {
    try {
      const done = mutation();
      if (done) applied.push(done);
    } catch {
      // not applicable
    }
  };
  for (let i = 0; i < docLevel; i++) {
    const kind = g(fc.nat, 2);
    attempt(() => (kind === 0 ? genericMutation(g, gen) : pick(g, TARGETED)(g, gen)));
  }
  const files = meshFiles(gen);
  const fileLevel = applied.length === 0 ? 1 : g(fc.integer, { min: 0, max: 1 });
  for (let i = 0; i < fileLevel; i++) attempt(() => pick(g, FILE_MUTATIONS)(g, files));
  if (applied.length === 0) applied.push("(none applicable)");
  return { files, applied };
}
