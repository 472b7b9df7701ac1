// The inventory service's own database: no other service reads or writes it.
import { join } from "node:path";
import { openSqlite } from "@shop/prisma-offline";
import { PrismaClient, type Prisma } from "../generated/prisma/client.ts";

/** A Prisma client or an open transaction: db functions work with either. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type { PrismaClient };

export function openDatabase(dataDir: string): PrismaClient {
  return openSqlite(PrismaClient, {
    dataDir,
    file: "inventory.db",
    migrationsDir: join(import.meta.dirname, "migrations"),
  });
}

/**
 * Every write runs in a local transaction; there is no transaction across services any more.
 * A second process may share the file: each transaction takes SQLite's write lock at its BEGIN
 * (packages/prisma-offline), so the second one waits for its turn instead of failing.
 */
export function inTransaction<T>(
  db: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(work, { maxWait: 10_000, timeout: 10_000 });
}
