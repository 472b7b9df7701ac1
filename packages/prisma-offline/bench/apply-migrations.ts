// `npm run bench -w packages/prisma-offline`: how long creating a database from the committed
// migrations takes (the goal is under 100 ms), for every schema in the repository.
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { applyMigrations } from "../src/index.ts";

const root = join(import.meta.dirname, "../../..");
const RUNS = 20;

function migrationFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (
      !entry.isDirectory() ||
      ["node_modules", "generated", "data", "exercises", "fixtures"].includes(entry.name)
    )
      return [];
    const path = join(dir, entry.name);
    return entry.name === "migrations" && existsSync(join(path, "migration_lock.toml"))
      ? [path]
      : migrationFolders(path);
  });
}

console.log(`| schema | median | slowest of ${RUNS} |\n|---|---|---|`);
for (const migrationsDir of migrationFolders(join(root, "steps"))) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dbPath = join(mkdtempSync(join(tmpdir(), "bench-migrate-")), "bench.db");
    const started = performance.now();
    applyMigrations({ dbPath, migrationsDir });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `| ${relative(root, migrationsDir)} | ${times[RUNS / 2]!.toFixed(1)} ms | ${times[RUNS - 1]!.toFixed(1)} ms |`,
  );
}
