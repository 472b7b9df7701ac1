#!/usr/bin/env node
// `prisma-each migrate dev --name x`: runs a Prisma command once per service of a step
// (every services/*/prisma.config.ts under the current folder), from the step folder.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const configs = existsSync("services")
  ? readdirSync("services")
      .map((s) => join("services", s, "prisma.config.ts"))
      .filter((c) => existsSync(c))
  : [];
if (configs.length === 0) {
  console.error("prisma-each: no services/*/prisma.config.ts here; run it from a step folder");
  process.exit(2);
}
for (const config of configs) {
  console.log(`\n=== ${config}`);
  const { status } = spawnSync("prisma", [...process.argv.slice(2), "--config", config], {
    stdio: "inherit",
    shell: false,
  });
  if (status !== 0) process.exit(status ?? 1);
}
