// Exercise 03.1: orders' copy of the catalog, fed by events, on a real SQLite database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDataDir } from "@shop/kit/testing";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";
import { applyProductChanged, listProductCopy, priceList } from "../src/db/product-copy.ts";

let db: PrismaClient;
beforeEach(() => (db = openDatabase(freshDataDir("product-copy-"))));
afterEach(() => db.$disconnect());

const at = (time: string) => new Date(`2026-01-01T${time}Z`);
const mug = (priceCents: number, version: number) => ({
  sku: "MUG-001",
  name: "Enamel camp mug",
  priceCents,
  version,
});
const listed = (priceCents: number) => ({ sku: "MUG-001", name: "Enamel camp mug", priceCents });

describe("applyProductChanged", () => {
  it("When a product is heard of for the first time, then the copy has it and orders can price with it", async () => {
    expect(await applyProductChanged(db, mug(1299, 1), at("10:00:00"))).toBe(true);

    expect(await listProductCopy(db)).toEqual([listed(1299)]);
    expect(await priceList(db, ["MUG-001", "PEN-001"])).toEqual(new Map([["MUG-001", 1299]]));
  });

  it("When a newer version arrives, then the copy takes it", async () => {
    await applyProductChanged(db, mug(1299, 1), at("10:00:00"));

    expect(await applyProductChanged(db, mug(1500, 2), at("10:05:00"))).toBe(true);

    expect(await listProductCopy(db)).toEqual([listed(1500)]);
  });

  it("When two changes are made in the same millisecond, then both apply, in order", async () => {
    await applyProductChanged(db, mug(1299, 1), at("10:00:00"));

    const applied = [
      await applyProductChanged(db, mug(1500, 2), at("10:05:00")),
      await applyProductChanged(db, mug(1700, 3), at("10:05:00")),
    ];

    const byVersion = "the version says which change is newer, not the clock";
    expect(applied, byVersion).toEqual([true, true]);
    expect(await listProductCopy(db), byVersion).toEqual([listed(1700)]);
  });

  it("When an older version arrives late (after a newer one), then it is ignored, even if it says it happened later", async () => {
    await applyProductChanged(db, mug(1500, 2), at("10:05:00"));

    const older = "an older version changes nothing, whatever time it says";
    expect(await applyProductChanged(db, mug(1299, 1), at("10:06:00")), older).toBe(false);

    expect(await listProductCopy(db), older).toEqual([listed(1500)]);
  });

  it("When the same event comes twice, then the second changes nothing", async () => {
    await applyProductChanged(db, mug(1299, 1), at("10:00:00"));

    const twice = "the same version twice: the second changes nothing (and says so)";
    expect(await applyProductChanged(db, mug(1299, 1), at("10:00:00")), twice).toBe(false);

    expect(await listProductCopy(db)).toEqual([listed(1299)]);
  });

  it("When two versions are delivered at once, the newer one first, then the copy keeps the newer", async () => {
    await applyProductChanged(db, mug(1299, 1), at("10:00:00"));

    await Promise.all([
      applyProductChanged(db, mug(1700, 3), at("10:06:00")),
      applyProductChanged(db, mug(1500, 2), at("10:05:00")),
    ]);

    expect(
      await listProductCopy(db),
      "compare and write in one statement: a read, then a write, lets another delivery in",
    ).toEqual([listed(1700)]);
  });
});
