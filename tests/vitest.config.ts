import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "repo",
    include: ["*.test.ts", "acceptance/*.test.ts"],
    exclude: [...configDefaults.exclude, "**/*.faults.test.ts"], // npm run test:faults
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
