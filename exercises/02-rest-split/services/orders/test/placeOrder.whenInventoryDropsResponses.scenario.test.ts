// A lost answer is not a failed request: inventory did the work, orders never heard. Retrying is
// only safe because the reservation carries an Idempotency-Key.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when inventory drops half its answers after doing the work", () => {
  it("When every second answer is lost, then retries succeed and each order holds exactly one reservation", async () => {
    // Arrange
    await shop.chaos("inventory").dropResponses(0.5);
    const requestsBefore = await shop.chaos("inventory").requestCount();

    // Act: one order after the other, so that every first attempt of a reservation meets a drop or not
    const orders = [];
    for (let i = 0; i < 6; i++) {
      orders.push(
        await shop.api.post("/api/orders", {
          lines: [{ sku: "NTB-001", qty: 1 }],
          card: GOOD_CARD,
        }),
      );
    }

    // Assert
    expect(orders.map((o) => o.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const { Reservation, Stock } = shop.snapshot();
    for (const { body } of orders)
      expect(Reservation.filter((r) => r.orderId === body.id)).toHaveLength(1);
    expect(Reservation).toHaveLength(6);
    expect(Stock).toContainEqual({ sku: "NTB-001", available: 44, reserved: 6 });
    const reservesAsked = (await shop.chaos("inventory").requestCount()) - requestsBefore;
    expect(reservesAsked).toBeGreaterThan(6); // the retries happened
  });
});
