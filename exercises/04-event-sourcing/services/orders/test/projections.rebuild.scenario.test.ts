// Read models are disposable: dropped and rebuilt from the event store, they come back the same,
// and nobody reading them while it happens sees them half built.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ADMIN_HEADERS } from "@shop/kit";
import {
  DECLINED_CARD,
  GOOD_CARD,
  settled,
  untilQuiet,
  useShop,
} from "../../../test/support/shop.ts";

const shop = useShop();
const orders = () => shop.service("orders").url;
const readModels = async () => ({
  orders: (await shop.api.get("/api/orders")).body,
  sales: await (await fetch(`${orders()}/admin/sales`)).json(),
});

describe("POST /admin/projections/rebuild on orders", () => {
  it("When the read models are rebuilt from position 0, then they equal the live ones", async () => {
    // Arrange: confirmed, rejected and cancelled orders
    const place = async (sku: string, qty: number, card = GOOD_CARD) =>
      (await shop.api.post("/api/orders", { lines: [{ sku, qty }], card })).body.id as string;
    const ids = [
      await place("MUG-001", 2),
      await place("PEN-001", 1),
      await place("TEE-001", 3, DECLINED_CARD),
      await place("UMB-001", 9),
    ];
    await settled(shop, ids);
    await shop.api.post(`/api/orders/${ids[0]}/cancel`);
    await untilQuiet(shop);
    const live = await readModels();
    // the mugs were sold, then taken back; the tee was declined and the umbrellas out of stock
    expect(live.sales).toEqual([
      { sku: "MUG-001", qty: 0, revenueCents: 0 },
      { sku: "PEN-001", qty: 1, revenueCents: 4599 },
    ]);

    // Act
    const response = await fetch(`${orders()}/admin/projections/rebuild`, {
      method: "POST",
      headers: ADMIN_HEADERS,
    });

    // Assert
    expect(await response.json()).toMatchObject({
      rebuilt: {
        "order-list": shop.snapshot().Event.length,
        "sales-by-product": shop.snapshot().Event.length,
      },
    });
    expect(await readModels()).toEqual(live);
  });

  it("When the read models are rebuilt while others read them, then no reader ever sees an order or a sale missing", async () => {
    // Arrange: 80 orders, settled
    const skus = ["MUG-001", "PEN-001", "TEE-001", "NTB-001"];
    const ids: string[] = [];
    for (let batch = 0; batch < 4; batch++) {
      const placed = await Promise.all(
        skus.flatMap((sku) =>
          [1, 2, 3, 4, 5].map(() =>
            shop.api.post("/api/orders", { lines: [{ sku, qty: 1 }], card: GOOD_CARD }),
          ),
        ),
      );
      ids.push(...placed.map((p) => p.body.id as string));
    }
    await settled(shop, ids);
    await untilQuiet(shop);
    // Two kinds of reader: this process on its own connection to orders' database (a second orders
    // instance, or a report, would read it so), and shoppers through the API.
    const db = new Database(join(shop.service("orders").dataDir, "orders.db"), { readonly: true });
    const readDb = () => ({
      orders: db.prepare(`SELECT count(*) FROM OrderView`).pluck().get() as number,
      sales: JSON.stringify(db.prepare(`SELECT * FROM SalesByProduct ORDER BY sku`).all()),
    });
    const before = { db: readDb(), api: await readModels() };

    // Act: rebuild again and again, with both readers reading all along
    let rebuilding = true;
    const seenInDb: ReturnType<typeof readDb>[] = [];
    const seenInApi: number[] = [];
    const dbReader = async () => {
      for (; rebuilding; await new Promise((resolve) => setImmediate(resolve)))
        seenInDb.push(readDb());
    };
    const apiReader = async () => {
      while (rebuilding) seenInApi.push((await readModels()).orders.length);
    };
    const readers = [dbReader(), apiReader(), apiReader()];
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await fetch(`${orders()}/admin/projections/rebuild`, {
            method: "POST",
            headers: ADMIN_HEADERS,
          })
        ).status,
      ).toBe(200);
    }
    rebuilding = false;
    await Promise.all(readers);
    db.close();

    // Assert: every read saw a whole model, the old one or the rebuilt one (they are the same)
    const short = (reads: number[], whole: number) => ({
      reads: reads.length,
      short: reads.filter((n) => n < whole).length,
    });
    expect(before.db.orders).toBe(ids.length); // the reset before each test emptied the store
    expect(
      short(
        seenInDb.map((read) => read.orders),
        before.db.orders,
      ),
    ).toEqual({ reads: seenInDb.length, short: 0 });
    expect(seenInDb.filter((read) => read.sales !== before.db.sales)).toHaveLength(0);
    expect(short(seenInApi, before.api.orders.length)).toEqual({
      reads: seenInApi.length,
      short: 0,
    });
    expect(seenInDb.length).toBeGreaterThan(100); // it did read while the rebuilds ran
  }, 120_000);
});
