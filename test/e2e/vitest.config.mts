import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// The end-to-end suite (`npm run test:e2e`): the mesh CLI run as a user runs it, planning whole meshes, so each
// file costs seconds of CPU. Kept apart from `npm test` to keep that one fast; CI (.ci/run) runs both.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["test/e2e/**/*.test.ts"],
    // Each file gets its own process: the Pulumi runtime is process-global state.
    pool: "forks",
    isolate: true,
    // Two files at a time even on 2 cores (vitest's default there is one): much of a file's time is one process
    // loading modules or running single-threaded, which leaves the other core idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Plans of meshes no test edits, made once per run (test/README.md, "Shared plans").
    globalSetup: ["test/helpers/shared-plans-setup.ts"],
  },
});
