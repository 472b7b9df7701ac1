// The web gateway's own database: no other service reads or writes it.
import { join } from "node:path";
import { openSqlite } from "@shop/prisma-offline";
import { PrismaClient, type Prisma } from "../generated/prisma/client.ts";

/** A Prisma client or an open transaction: db functions work with either. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type { PrismaClient };
export type Tx = Prisma.TransactionClient;

export function openDatabase(dataDir: string): PrismaClient {
  return openSqlite(PrismaClient, {
    dataDir,
    file: "web.db",
    migrationsDir: join(import.meta.dirname, "migrations"),
  });
}

/** Every write runs in a local transaction; there is no transaction across services any more. */
export function inTransaction<T>(
  db: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(work, { maxWait: 10_000, timeout: 10_000 });
}
