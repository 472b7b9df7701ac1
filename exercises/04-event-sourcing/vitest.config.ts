import { configDefaults, defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "exercises-04-event-sourcing",
    include: ["services/*/test/**/*.{test,spec}.ts", "messaging/test/**/*.spec.ts"],
    exclude: [...configDefaults.exclude, "**/*.faults.test.ts"], // npm run test:faults
    testTimeout: 20_000,
    // a reset waits up to 30 s for the messages in flight, then up to 10 s for the copies
    hookTimeout: 60_000,
    // Files share a worker's modules, so the default shop boots once per worker (useShop).
    isolate: false,
    globalSetup: ["test/support/global-setup.ts"],
  },
});
