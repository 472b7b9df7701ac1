import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "01-monolith",
    include: ["services/*/test/**/*.{test,spec}.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Files share a worker's modules, so the shop boots once per worker (useShop).
    isolate: false,
  },
});
