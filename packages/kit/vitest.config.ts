import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "kit", testTimeout: 20_000 },
});
