// A consumer crashes in the middle of a burst. What it had not acknowledged goes back to its
// queue; after the restart it carries on, and nothing is lost or done twice.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, settled, useShop } from "../../../test/support/shop.ts";

const shop = useShop({ reset: false });

describe("A burst of orders, when inventory is killed half-way", () => {
  it("When inventory dies (SIGKILL) during a burst of 100 orders and restarts, then every order settles CONFIRMED, each reserved once", async () => {
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: 1_000 });
    const place = async () =>
      (await shop.api.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: GOOD_CARD }))
        .body.id as string;

    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await place());
    await shop.service("inventory").kill();
    for (let i = 0; i < 60; i++) ids.push(await place());
    await shop.service("inventory").start();

    expect(await settled(shop, ids)).toEqual({ CONFIRMED: 100 });
    const after = shop.snapshot();
    expect(after.Reservation).toHaveLength(100);
    expect(after.Payment).toHaveLength(100);
    expect(after.Stock).toContainEqual({ sku: "NTB-001", available: 1_050 - 100, reserved: 100 });
  }, 90_000);
});
