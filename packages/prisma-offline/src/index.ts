export { applyMigrations, listMigrations, type ApplyMigrationsOptions } from "./apply-migrations.ts";
export { sqlitePathFromUrl } from "./migrations-table.mjs";
export { openSqlite, type OpenSqliteOptions } from "./open-sqlite.ts";
