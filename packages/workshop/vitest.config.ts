import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "workshop", testTimeout: 120_000 },
});
