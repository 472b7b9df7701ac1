export {
  applyMigrations,
  listMigrations,
  type ApplyMigrationsOptions,
} from "./apply-migrations.ts";
export { guardConnections } from "./connection-guard.ts";
export { sqlitePathFromUrl } from "./migrations-table.mjs";
export { openSqlite, type OpenSqliteOptions } from "./open-sqlite.ts";
