#!/usr/bin/env node
// Root postinstall: generates the Prisma client of every schema in the repository, offline.
// Each `prisma.config.ts` (found under steps/, exercises/ and packages/) marks one schema.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { OFFLINE_ENGINE_PATH } from "../config.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const skip = new Set([
  "node_modules",
  "fixtures",
  ".git",
  "generated",
  "test-results",
  "playwright-report",
]);

function findConfigs(dir, depth = 0) {
  if (depth > 4 || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile() && entry.name === "prisma.config.ts") return [join(dir, entry.name)];
    if (entry.isDirectory() && !skip.has(entry.name))
      return findConfigs(join(dir, entry.name), depth + 1);
    return [];
  });
}

function generate(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, "node_modules/prisma/build/index.js"), "generate", "--config", config],
      {
        cwd: dirname(config),
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY:
            process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? OFFLINE_ENGINE_PATH,
          CHECKPOINT_DISABLE: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`prisma generate failed for ${relative(root, config)}:\n${output}`)),
    );
  });
}

const configs = ["steps", "exercises", "packages"].flatMap((top) => findConfigs(join(root, top)));
const started = Date.now();
// Two at a time: laptops and CI have few cores, and each generate is mostly CPU.
for (let i = 0; i < configs.length; i += 2)
  await Promise.all(configs.slice(i, i + 2).map(generate));
console.log(
  `prisma-offline: generated ${configs.length} Prisma client(s) in ${Date.now() - started} ms, no download`,
);
