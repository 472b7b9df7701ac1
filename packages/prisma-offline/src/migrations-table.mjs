// The bookkeeping table Prisma Migrate keeps in every database, with the exact DDL Prisma's
// schema engine uses for SQLite, so that our applier and `prisma migrate status` agree.
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Turns a Prisma SQLite url (`file:./dev.db`) into a filesystem path, relative to `baseDir`. */
export function sqlitePathFromUrl(url, baseDir) {
  const raw = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (raw === ":memory:") return raw;
  return raw.startsWith("/") ? raw : `${baseDir.replace(/\/$/, "")}/${raw.replace(/^\.\//, "")}`;
}
