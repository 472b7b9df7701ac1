import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "04-event-sourcing",
    include: ["services/*/test/**/*.{test,spec}.ts", "messaging/test/**/*.spec.ts"],
    exclude: [...configDefaults.exclude, "**/*.faults.test.ts"], // npm run test:faults
    testTimeout: 20_000,
    // a reset may restart services (20 s each at most), wait 30 s for what is in flight, then
    // 10 s for the copies
    hookTimeout: 60_000,
    // Files share a worker's modules, so the default shop boots once per worker (useShop).
    isolate: false,
    globalSetup: ["test/support/global-setup.ts"],
  },
});
