import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

// A generous call timeout: this test is about stock under contention, not about slowness, and 20
// orders at once on a busy two-core machine can take longer than the default 500 ms a call.
const shop = useShop({ env: { orders: { CALL_TIMEOUT_MS: "5000" } } });

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
    expect(after.Order.filter((o) => o.status === "CONFIRMED")).toHaveLength(5);
    expect(after.Order.filter((o) => o.status === "REJECTED")).toHaveLength(15); // each written PENDING before its reserve
    expect(after.Payment).toHaveLength(5);
  });
});
