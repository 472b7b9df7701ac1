import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "prisma-offline", testTimeout: 30_000 },
});
