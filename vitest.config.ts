import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// One vitest project per workspace; each has its own vitest.config.ts.
export default defineConfig({
  test: {
    // vitest runs the projects one after another, by name, and each project's longest files
    // first: the workshop CLI's (one long file) is named "cli" so that it runs early, and the
    // acceptance suite ("repo", several long files) last, keeping every worker busy to the end.
    projects: ["packages/*/vitest.config.ts", "steps/*/vitest.config.ts", "tests/vitest.config.ts"],
    // Most test files spend their time waiting on other processes (a step's services, the
    // broker), not on the CPU: on two cores, 3 files at a time ran the suite in 158 s, against
    // 230-238 s with 2 and 174 s with 4. vitest's default is cores - 1.
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
