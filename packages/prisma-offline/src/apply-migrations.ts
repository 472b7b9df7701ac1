// Creates or upgrades a SQLite database from committed `migrations/*/migration.sql` files, with no
// Prisma engine involved: milliseconds per database, which is what tests and start-up need.
// Each migration is recorded in `_prisma_migrations` exactly as Prisma records it, so
// `prisma migrate status` and `prisma migrate dev` agree with what we did.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_TABLE_DDL } from "./migrations-table.mjs";

export interface ApplyMigrationsOptions {
  /** Path of the SQLite file; created when missing. */
  dbPath: string;
  /** The `prisma/migrations` folder holding one folder per migration. */
  migrationsDir: string;
}

/** Applies every migration not yet recorded, in name order, each in its own transaction. */
export function applyMigrations({ dbPath, migrationsDir }: ApplyMigrationsOptions): string[] {
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    // WAL lets readers and the writer work side by side; it is stored in the file, so every later
    // connection (the Prisma client's too) gets it.
    db.pragma("journal_mode = WAL");
    db.exec(MIGRATIONS_TABLE_DDL);
    const applied = new Set(
      db
        .prepare(
          `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .pluck()
        .all() as string[],
    );
    const record = db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, ?, 1)`,
    );
    const newlyApplied: string[] = [];
    for (const name of listMigrations(migrationsDir)) {
      if (applied.has(name)) continue;
      const sql = readFileSync(join(migrationsDir, name, "migration.sql"), "utf8");
      const startedAt = prismaTimestamp();
      db.transaction(() => {
        db.exec(sql);
        record.run(randomUUID(), sha256(sql), prismaTimestamp(), name, startedAt);
      })();
      newlyApplied.push(name);
    }
    return newlyApplied;
  } finally {
    db.close();
  }
}

export function listMigrations(migrationsDir: string): string[] {
  if (!existsSync(migrationsDir)) throw new Error(`No migrations folder at ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && existsSync(join(migrationsDir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort();
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Prisma stores times as `2026-01-31T12:00:00.123+00:00`. */
const prismaTimestamp = () => new Date().toISOString().replace("Z", "+00:00");
