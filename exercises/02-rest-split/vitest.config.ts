import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "exercises-02-rest-split",
    include: ["services/*/test/**/*.{test,spec}.ts"],
    exclude: [...configDefaults.exclude, "**/*.faults.test.ts"], // npm run test:faults
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Files share a worker's modules, so the default shop boots once per worker (useShop).
    isolate: false,
  },
});
