import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "02-rest-split", include: ["services/*/test/**/*.{test,spec}.ts"], testTimeout: 20_000, hookTimeout: 30_000 },
});
