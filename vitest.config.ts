import { defineConfig } from "vitest/config";

// One vitest project per workspace; each has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "steps/*/vitest.config.ts", "tests/vitest.config.ts"],
  },
});
