import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "kit",
    testTimeout: 20_000,
    exclude: [...configDefaults.exclude, "**/*.faults.test.ts"], // npm run test:faults
  },
});
