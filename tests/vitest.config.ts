import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "repo",
    include: ["*.test.ts", "acceptance/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
