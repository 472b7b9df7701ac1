import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "cli",
    testTimeout: 120_000,
    // the exercises' meta-check runs every exercise twice: `npm run test:exercises`
    exclude: [...configDefaults.exclude, "**/*.meta.test.ts"],
  },
});
