import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// One vitest project per workspace; each has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "steps/*/vitest.config.ts", "tests/vitest.config.ts"],
    // Most test files spend their first seconds starting a step's processes, waiting on I/O as much
    // as on the CPU: two files at a time are faster even on two cores (vitest's default is cores - 1).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
