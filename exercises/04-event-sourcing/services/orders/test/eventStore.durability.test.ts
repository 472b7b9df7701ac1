// An append the shopper was told about (202) must survive a power cut: the store's database syncs
// its write-ahead log at every commit. WAL's default here, NORMAL, syncs only at checkpoints.
import { freshDataDir } from "@shop/kit/testing";
import { describe, expect, it } from "vitest";
import { openEventStore } from "../prisma/client.ts";

describe("The event store's database", () => {
  it("When orders opens its event store, then every commit is synced to disk (synchronous = FULL)", async () => {
    const db = await openEventStore(freshDataDir("event-store-"));
    try {
      expect(await db.$queryRawUnsafe("PRAGMA synchronous")).toEqual([{ synchronous: 2n }]); // 1 is NORMAL
    } finally {
      await db.$disconnect();
    }
  });
});
