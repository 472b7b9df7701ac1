import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop({ reset: false });

describe("POST /api/orders under contention", () => {
  it("When 20 shoppers order the last 5 pens at once, then exactly 5 orders are confirmed and 15 are told it sold out", async () => {
    // Arrange: the seed has exactly 5 pens
    const pens = () => shop.snapshot().Stock.find((s: any) => s.sku === "PEN-001");
    expect(pens()).toEqual({ sku: "PEN-001", available: 5, reserved: 0 });

    // Act
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        shop.api.post("/api/orders", { lines: [{ sku: "PEN-001", qty: 1 }], card: GOOD_CARD }),
      ),
    );

    // Assert
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    const after = shop.snapshot();
    expect(pens()).toEqual({ sku: "PEN-001", available: 0, reserved: 5 });
    expect(after.Order).toHaveLength(5);
    expect(after.Payment).toHaveLength(5);
  });
});
