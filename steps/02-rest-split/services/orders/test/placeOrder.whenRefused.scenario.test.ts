// Every refusal leaves the shop as it was: no stock held, nothing charged, no order the shopper
// sees. Orders keeps its own record: the order, written PENDING before any call, ends REJECTED.
import { describe, expect, it } from "vitest";
import { DECLINED_CARD, GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when the order cannot be fulfilled", () => {
  it("When a sku is not in the catalog, then 422 names it and nothing changes", async () => {
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

  it("When the second line is out of stock, then 409 says what is left and the first line's reservation is undone", async () => {
    const before = shop.snapshot();

    const { status, body } = await shop.api.post("/api/orders", {
      lines: [
        { sku: "MUG-001", qty: 2 },
        { sku: "UMB-001", qty: 4 },
      ],
      card: GOOD_CARD,
    });

    expect(status).toBe(409);
    expect(body.error).toMatchObject({
      code: "OUT_OF_STOCK",
      sku: "UMB-001",
      available: 3,
      requested: 4,
    });
    const after = shop.snapshot();
    expect({ ...after, Order: [], OrderLine: [] }).toEqual(before);
    expect(after.Order).toEqual([expect.objectContaining({ status: "REJECTED" })]);
    expect((await shop.api.get("/api/orders")).body).toEqual([]);
  });

  it("When the card is declined, then 402 and the stock reserved before the charge is given back by a compensating call", async () => {
    const before = shop.snapshot();

    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 2 }],
      card: DECLINED_CARD,
    });

    expect(status).toBe(402);
    expect(body.error).toMatchObject({
      code: "PAYMENT_DECLINED",
      message: "The card ending in 0002 was declined",
    });
    const after = shop.snapshot();
    expect(after.Stock).toEqual(before.Stock);
    expect(after.Payment).toEqual([]);
    expect(after.Order).toEqual([expect.objectContaining({ status: "REJECTED" })]);
    // No rollback across services: the reservation happened, and was released afterwards.
    expect(after.Reservation).toEqual([
      expect.objectContaining({ sku: "MUG-001", qty: 2, released: 1 }),
    ]);
    expect(after.Compensation).toEqual([
      expect.objectContaining({ action: "release", doneAt: expect.anything() }),
    ]);
  });
});
