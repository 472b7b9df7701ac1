// Opens one service's SQLite database with Prisma: migrate it from the committed SQL, then hand
// back a Prisma client on the better-sqlite3 driver adapter.
import { join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { applyMigrations } from "./apply-migrations.ts";
import { guardConnections } from "./connection-guard.ts";

export interface OpenSqliteOptions {
  dataDir: string;
  /** File name inside dataDir, e.g. "orders.db". */
  file: string;
  /** The service's prisma/migrations folder. */
  migrationsDir: string;
}

export function openSqlite<Client>(
  PrismaClient: new (options: { adapter: SqlDriverAdapterFactory }) => Client,
  options: OpenSqliteOptions,
): Client {
  const dbPath = join(options.dataDir, options.file);
  applyMigrations({ dbPath, migrationsDir: options.migrationsDir });
  // Several processes may share a file (two payments instances do): wait for a lock, do not fail.
  const adapter = new PrismaBetterSqlite3({ url: dbPath, timeout: 5_000 });
  // One connection per client: a query outside an open transaction must wait for it to end.
  return new PrismaClient({ adapter: guardConnections(adapter) });
}
