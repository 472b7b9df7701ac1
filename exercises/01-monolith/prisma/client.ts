// The shop's one database: a SQLite file created from the committed migrations at start-up.
import { join } from "node:path";
import { openSqlite } from "@shop/prisma-offline";
import { PrismaClient, type Prisma } from "../generated/prisma/client.ts";

/** A Prisma client or an open transaction: module functions work with either. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type { PrismaClient };

export function openDatabase(dataDir: string): PrismaClient {
  return openSqlite(PrismaClient, {
    dataDir,
    file: "shop.db",
    migrationsDir: join(import.meta.dirname, "migrations"),
  });
}

/**
 * Every write runs in a transaction. Prisma's SQLite adapter has one connection and queues
 * transactions one after the other, so a transaction sees no other request's half-done work.
 */
export function inTransaction<T>(
  db: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(work, { maxWait: 10_000, timeout: 10_000 });
}
