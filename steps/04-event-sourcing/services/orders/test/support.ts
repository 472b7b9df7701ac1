// For in-process tests of the event store: a real SQLite database in a temp folder.
import { freshDataDir } from "@shop/kit/testing";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";

export function eventStoreDatabase(): PrismaClient {
  return openDatabase(freshDataDir("event-store-"));
}

export const metadata = { correlationId: "test", causationId: null };
