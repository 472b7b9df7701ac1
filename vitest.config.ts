import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// One vitest project per workspace; each has its own vitest.config.ts.
export default defineConfig({
  test: {
    // vitest runs the projects one after another, by name, and each project's longest files
    // first: the workshop CLI's (one long file) is named "cli" so that it runs early, and the
    // acceptance suite ("repo", several long files) last, keeping both workers busy to the end.
    projects: ["packages/*/vitest.config.ts", "steps/*/vitest.config.ts", "tests/vitest.config.ts"],
    // Most test files spend their first seconds starting a step's processes, waiting on I/O as much
    // as on the CPU: two files at a time are faster even on two cores (vitest's default is cores - 1).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
