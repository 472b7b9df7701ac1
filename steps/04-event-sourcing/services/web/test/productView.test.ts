// The gateway's product list, on a real database: each owner's version decides which event wins.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDataDir } from "@shop/kit/testing";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";
import { applyProductChanged, applyStockChanged, listProducts } from "../src/db/product-view.ts";

let db: PrismaClient;
beforeEach(() => (db = openDatabase(freshDataDir("web-view-"))));
afterEach(() => db.$disconnect());

const mug = (priceCents: number, version: number) => ({
  sku: "MUG-001",
  name: "Enamel camp mug",
  priceCents,
  version,
});
const mugs = (available: number, version: number) => ({ sku: "MUG-001", available, version });
const listed = (priceCents: number, available: number) => ({
  sku: "MUG-001",
  name: "Enamel camp mug",
  priceCents,
  available,
});

describe("The product view", () => {
  it("When the stock comes before the product, then the product is listed once the catalog has told of it, with that stock", async () => {
    await applyStockChanged(db, mugs(25, 1));
    expect(await listProducts(db)).toEqual([]);

    await applyProductChanged(db, mug(1299, 1));

    expect(await listProducts(db)).toEqual([listed(1299, 25)]);
  });

  it("When an older stock event arrives after a newer one, then it is ignored", async () => {
    await applyProductChanged(db, mug(1299, 1));
    await applyStockChanged(db, mugs(23, 3)); // two reserved

    const late = await applyStockChanged(db, mugs(24, 2)); // one reserved, delivered late

    expect(await listProducts(db)).toEqual([listed(1299, 23)]);
    expect(late).toBe(false);
  });

  it("When an older price arrives after a newer one, then it is ignored, and the stock is left alone", async () => {
    await applyStockChanged(db, mugs(25, 1));
    await applyProductChanged(db, mug(1500, 2));

    const late = await applyProductChanged(db, mug(1299, 1));

    expect(await listProducts(db)).toEqual([listed(1500, 25)]);
    expect(late).toBe(false);
  });

  it("When the same event comes twice, then the second changes nothing", async () => {
    await applyProductChanged(db, mug(1299, 1));
    await applyStockChanged(db, mugs(25, 1));

    expect([
      await applyProductChanged(db, mug(1299, 1)),
      await applyStockChanged(db, mugs(25, 1)),
    ]).toEqual([false, false]);
  });
});
