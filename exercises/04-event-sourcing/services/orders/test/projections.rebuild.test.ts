// Read models are disposable: dropped and rebuilt from the event store, they come back the same.
import { describe, expect, it } from "vitest";
import { DECLINED_CARD, GOOD_CARD, settled, untilQuiet, useShop } from "../../../test/support/shop.ts";

const shop = useShop({ reset: false });
const orders = () => shop.service("orders").url;
const readModels = async () => ({
  orders: (await shop.api.get("/api/orders")).body,
  sales: await (await fetch(`${orders()}/admin/sales`)).json(),
});

describe("POST /admin/projections/rebuild on orders", () => {
  it("When the read models are rebuilt from position 0, then they equal the live ones", async () => {
    // Arrange: confirmed, rejected and cancelled orders
    const place = async (sku: string, qty: number, card = GOOD_CARD) => (await shop.api.post("/api/orders", { lines: [{ sku, qty }], card })).body.id as string;
    const ids = [await place("MUG-001", 2), await place("PEN-001", 1), await place("TEE-001", 3, DECLINED_CARD), await place("UMB-001", 9)];
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
    const response = await fetch(`${orders()}/admin/projections/rebuild`, { method: "POST" });

    // Assert
    expect(await response.json()).toMatchObject({ rebuilt: { "order-list": shop.snapshot().Event.length, "sales-by-product": shop.snapshot().Event.length } });
    expect(await readModels()).toEqual(live);
  });
});
