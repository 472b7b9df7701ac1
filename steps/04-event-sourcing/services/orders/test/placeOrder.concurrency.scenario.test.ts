import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders under contention", () => {
  it("When 20 shoppers order the last 5 pens at once, then all are accepted, exactly 5 are CONFIRMED and 15 REJECTED as out of stock", async () => {
    // Act
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        shop.api.post("/api/orders", { lines: [{ sku: "PEN-001", qty: 1 }], card: GOOD_CARD }),
      ),
    );

    // Assert
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
    await eventually(
      async () => {
        const orders: { status: string; rejectionReason?: string }[] = (
          await shop.api.get("/api/orders")
        ).body;
        expect(orders.filter((o) => o.status === "CONFIRMED")).toHaveLength(5);
        expect(
          orders.filter((o) => o.status === "REJECTED" && o.rejectionReason === "OUT_OF_STOCK"),
        ).toHaveLength(15);
      },
      { timeout: 10_000 },
    );
    const after = shop.snapshot();
    expect(after.Stock.find((s) => s.sku === "PEN-001")).toEqual({
      sku: "PEN-001",
      available: 0,
      reserved: 5,
    });
    expect(after.Payment).toHaveLength(5);
  });
});
