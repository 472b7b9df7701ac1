import { defineConfig } from "vitest/config";

// `npm run test:faults`: the long fault suites (bursts with processes killed and the broker link
// cut, then every service's books checked). One file at a time: each keeps the machine busy.
const steps = ["02-rest-split", "03-pubsub", "04-event-sourcing"];

export default defineConfig({
  test: {
    projects: steps.map((step) => ({
      test: {
        name: `${step} (faults)`,
        root: `steps/${step}`,
        include: ["services/*/test/**/*.faults.test.ts"],
        testTimeout: 240_000,
        hookTimeout: 60_000,
      },
    })),
    maxWorkers: 1,
    passWithNoTests: false,
  },
});
