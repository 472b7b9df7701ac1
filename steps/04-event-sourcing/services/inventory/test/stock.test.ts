// The stock rules, on a real database: each is the condition of one UPDATE statement.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDataDir } from "@shop/kit/testing";
import { inTransaction, openDatabase, type PrismaClient } from "../prisma/client.ts";
import { releaseItems, reserveItems, restockItem } from "../src/db/stock.ts";
import { seedInventory } from "../src/db/seed.ts";
import { OutOfStock } from "../src/domain/stock.ts";

let db: PrismaClient;
beforeEach(async () => {
  db = openDatabase(freshDataDir("inventory-stock-"));
  await seedInventory(db); // 25 mugs, 3 umbrellas
});
afterEach(() => db.$disconnect());

const levelOf = async (sku: string) =>
  db.stock.findUniqueOrThrow({ where: { sku }, select: { available: true, reserved: true } });
const reserve = (orderId: string, items: { sku: string; qty: number }[]) =>
  inTransaction(db, (tx) => reserveItems(tx, orderId, items));
const versionOf = async (sku: string) =>
  (await db.stock.findUniqueOrThrow({ where: { sku } })).version;

describe("Stock", () => {
  describe("When reserving", () => {
    it("given enough available, then the quantity moves from available to reserved", async () => {
      await reserve("o-1", [{ sku: "MUG-001", qty: 2 }]);

      expect(await levelOf("MUG-001")).toEqual({ available: 23, reserved: 2 });
    });

    it("given exactly the last units, then all of them are reserved", async () => {
      await reserve("o-1", [{ sku: "UMB-001", qty: 3 }]);

      expect(await levelOf("UMB-001")).toEqual({ available: 0, reserved: 3 });
    });

    it("given fewer available than asked, then it is refused with what is left", async () => {
      await expect(reserve("o-1", [{ sku: "UMB-001", qty: 4 }])).rejects.toThrow(
        new OutOfStock("UMB-001", 3, 4),
      );
    });

    it("given a short second line, then the first line is given back too and nothing is held", async () => {
      // the caller catches the refusal and commits: the savepoint still undoes the first line
      await inTransaction(db, (tx) =>
        reserveItems(tx, "o-1", [
          { sku: "MUG-001", qty: 2 },
          { sku: "UMB-001", qty: 4 },
        ]).catch(() => undefined),
      );

      expect(await levelOf("MUG-001")).toEqual({ available: 25, reserved: 0 });
      expect(await db.reservation.count()).toBe(0);
    });
  });

  describe("When releasing", () => {
    it("given a reservation, then the quantity goes back to available", async () => {
      await reserve("o-1", [{ sku: "MUG-001", qty: 2 }]);

      await releaseItems(db, "o-1");

      expect(await levelOf("MUG-001")).toEqual({ available: 25, reserved: 0 });
    });

    it("given a reservation released already, then a second release gives nothing back", async () => {
      await reserve("o-1", [{ sku: "MUG-001", qty: 2 }]);
      await reserve("o-2", [{ sku: "MUG-001", qty: 1 }]);
      await releaseItems(db, "o-1");

      await releaseItems(db, "o-1");

      expect(await levelOf("MUG-001")).toEqual({ available: 24, reserved: 1 });
    });
  });

  describe("When the stock changes", () => {
    it("then every change counts one more version of the sku, and a refused reservation none", async () => {
      const first = await versionOf("MUG-001");

      await reserve("o-1", [{ sku: "MUG-001", qty: 2 }]);
      await reserve("o-2", [{ sku: "MUG-001", qty: 99 }]).catch(() => undefined);
      await releaseItems(db, "o-1");
      await restockItem(db, "MUG-001", 1);
      await seedInventory(db); // a reset too, or the copies would ignore it

      expect(await versionOf("MUG-001")).toBe(first + 4);
    });
  });

  describe("When restocking", () => {
    it("then available grows and reserved stays", async () => {
      await reserve("o-1", [{ sku: "UMB-001", qty: 2 }]);

      expect(await restockItem(db, "UMB-001", 10)).toMatchObject({ available: 11, reserved: 2 });
    });

    it("given an unknown sku, then nothing is restocked", async () => {
      expect(await restockItem(db, "NOPE-1", 10)).toBeNull();
    });
  });
});
