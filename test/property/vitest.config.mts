import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The property suite (`npm run test:property`): fast-check over names, config files and plans, at least 10,000
// cases per run with a fixed seed (FUZZ_SEED varies it, FUZZ_SCALE multiplies the cases). Kept apart from
// `npm test`, whose files end in .test.ts; these end in .property.ts.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["test/property/**/*.property.ts"],
    // Each file gets its own process: the Pulumi runtime is process-global state.
    pool: "forks",
    isolate: true,
    // Two files at a time even on 2 cores (vitest's default there is one): the counts file takes lines from both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 300_000,
    hookTimeout: 120_000,
    globalSetup: ["test/property/support/global-setup.ts"],
  },
});
