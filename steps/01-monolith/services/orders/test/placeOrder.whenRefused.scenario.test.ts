// Every refusal leaves the shop exactly as it was: no stock held, nothing charged, no order.
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
    expect(shop.snapshot()).toEqual(before);
  });

  it("When the card is declined, then 402 and the stock reserved before the charge is given back", async () => {
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
    expect(shop.snapshot()).toEqual(before);
  });
});
