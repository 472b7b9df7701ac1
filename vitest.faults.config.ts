import { defineConfig } from "vitest/config";

// `npm run test:faults`: the long fault suites, left out of `npm test` to keep it fast. Bursts of
// orders with processes killed (SIGKILL) and the broker link cut, a service killed mid-charge,
// then every service's books checked; and steps 03 and 04 side by side on one broker.
// Two files at a time: they wait on kills, restarts and retries more than they compute (measured
// here: 145 s with two, 270 s with one).
const steps = ["02-rest-split", "03-pubsub", "04-event-sourcing"];

export default defineConfig({
  test: {
    projects: [
      ...steps.map((step) => ({
        test: {
          name: `${step} (faults)`,
          root: `steps/${step}`,
          include: ["services/*/test/**/*.faults.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 60_000,
          globalSetup: step === "02-rest-split" ? [] : ["test/support/global-setup.ts"],
        },
      })),
      {
        // three local RabbitMQ nodes, one killed and brought back (kit/src/local-cluster.ts)
        test: {
          name: "kit (faults)",
          root: "packages/kit",
          include: ["test/**/*.faults.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "repo (faults)",
          root: "tests",
          include: ["*.faults.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 60_000,
        },
      },
    ],
    maxWorkers: 2,
    passWithNoTests: false,
  },
});
