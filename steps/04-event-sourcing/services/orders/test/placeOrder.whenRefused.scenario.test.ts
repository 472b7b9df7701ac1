// Refusals that need another service's answer arrive later, as events: the order ends REJECTED
// with its reason, and the shop is left as it was.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { DECLINED_CARD, GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when the order cannot be fulfilled", () => {
  it("When a sku is not in orders' copy of the catalog, then 422 names it at once and nothing changes", async () => {
    const before = shop.snapshot();

    const { status, body } = await shop.api.post("/api/orders", {
      lines: [
        { sku: "MUG-001", qty: 1 },
        { sku: "NOPE-404", qty: 1 },
      ],
      card: GOOD_CARD,
    });

    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: "UNKNOWN_SKU", skus: ["NOPE-404"] });
    expect(shop.snapshot()).toEqual(before);
  });

  it("When the second line is out of stock, then the order ends REJECTED (OUT_OF_STOCK), nothing is reserved and nothing charged", async () => {
    const before = shop.snapshot();

    const { status, body } = await shop.api.post("/api/orders", {
      lines: [
        { sku: "MUG-001", qty: 2 },
        { sku: "UMB-001", qty: 4 },
      ],
      card: GOOD_CARD,
    });

    expect(status).toBe(202);
    const rejected = await shop.statusOf(body.id, "REJECTED");
    expect(rejected.rejectionReason).toBe("OUT_OF_STOCK");
    const after = shop.snapshot();
    expect(after.Stock).toEqual(before.Stock);
    expect(after.Reservation).toEqual([]);
    expect(after.Payment).toEqual([]);
  });

  it("When the card is declined, then the order ends REJECTED (PAYMENT_DECLINED) and the reserved stock comes back", async () => {
    const before = shop.snapshot();

    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 2 }],
      card: DECLINED_CARD,
    });

    expect(status).toBe(202);
    const rejected = await shop.statusOf(body.id, "REJECTED");
    expect(rejected.rejectionReason).toBe("PAYMENT_DECLINED");
    await eventually(() => {
      const after = shop.snapshot();
      expect(after.Stock).toEqual(before.Stock);
      expect(after.Reservation).toEqual([
        expect.objectContaining({ orderId: body.id, released: 1 }),
      ]);
      expect(after.Payment).toEqual([]);
    });
  });
});
