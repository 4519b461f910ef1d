import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// `npm test`: unit, components on mocks, policies, quality, interop, upgrade and browser tests. The CLI end-to-end
// files under test/e2e/ run in their own suite (`npm run test:e2e`, test/e2e/vitest.config.mts), which CI runs
// right after this one: see test/README.md.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "**/node_modules/**"],
    // Each file gets its own process: the Pulumi runtime is process-global state.
    pool: "forks",
    isolate: true,
    // Two files at a time even on 2 cores (vitest's default there is one): much of a file's time is one process
    // loading modules or running single-threaded, which leaves the other core idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
