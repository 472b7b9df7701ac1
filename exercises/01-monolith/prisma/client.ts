// The shop's one database: a SQLite file created from the committed migrations at start-up.
import { join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { applyMigrations } from "@shop/prisma-offline";
import { PrismaClient, type Prisma } from "../generated/prisma/client.ts";

/** A Prisma client or an open transaction: module functions work with either. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type { PrismaClient };

export function openDatabase(dataDir: string): PrismaClient {
  const dbPath = join(dataDir, "shop.db");
  applyMigrations({ dbPath, migrationsDir: join(import.meta.dirname, "migrations") });
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: dbPath }) });
}

/**
 * Every write runs in a transaction. Prisma's SQLite adapter has one connection and queues
 * transactions one after the other, so a transaction sees no other request's half-done work.
 */
export function inTransaction<T>(db: PrismaClient, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(work, { maxWait: 10_000, timeout: 10_000 });
}
