import { defineConfig } from "vitest/config";

// `npm run test:exercises`: for whoever changes a step or an exercise. On a freshly generated
// starter, each exercise's tests fail with its own TODO and pass with the reference code; each
// lesson mutant makes them fail, naming the mistake; the starters in git are what the generator
// makes. About 80 vitest runs (one per exercise and one per mutant): left out of `npm test`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "workshop (exercises)",
          root: "packages/workshop",
          include: ["test/**/*.meta.test.ts"],
          testTimeout: 120_000,
          // the afterAll removes every run's temp workshop (about 100): over 10 s in one CI run
          hookTimeout: 120_000,
          maxConcurrency: 2, // two cores: each run keeps one busy
        },
      },
    ],
    passWithNoTests: false,
  },
});
