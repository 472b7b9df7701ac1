// For in-process tests: a real SQLite database in a temp folder, migrated and seeded.
import { freshDataDir } from "@shop/kit/testing";
import { openDatabase, type PrismaClient } from "../../prisma/client.ts";
import { resetShop } from "../../services/web/src/db/reset.ts";

export async function seededDatabase(): Promise<PrismaClient> {
  const db = openDatabase(freshDataDir("shop-01-db-"));
  await resetShop(db);
  return db;
}
