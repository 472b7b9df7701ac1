import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "exercises-03-pubsub",
    include: ["services/*/test/**/*.{test,spec}.ts", "messaging/test/**/*.spec.ts"],
    exclude: [...configDefaults.exclude, "**/*.faults.test.ts"], // npm run test:faults
    testTimeout: 20_000,
    // a reset may restart services (20 s each at most), wait 30 s for what is in flight, then
    // 10 s for the copies
    hookTimeout: 60_000,
    // Files share a worker's modules, so the default shop boots once per worker (useShop).
    isolate: false,
    // a check reuses the modules that the last run transformed: 0.6 s less per `workshop check`
    experimental: { fsModuleCache: true },
    globalSetup: ["test/support/global-setup.ts"],
  },
});
