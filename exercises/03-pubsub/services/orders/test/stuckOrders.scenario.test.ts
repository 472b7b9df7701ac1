// An order whose outcome never comes (a message parked in a .dlq, a service down for good) would
// stay PENDING and nobody would know. Orders looks for them: a warning in its log, and a list on
// GET /admin/stuck-orders for the console.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop({ reset: false, env: { orders: { STUCK_AFTER_MS: "1000" } } });

const stuckOrders = async () =>
  (await (await fetch(`${shop.service("orders").url}/admin/stuck-orders`)).json()) as any;

describe("GET /admin/stuck-orders", () => {
  it("When an order stays PENDING longer than STUCK_AFTER_MS, then orders lists it and logs a warning; once it settles, it is no longer listed", async () => {
    // Arrange: payments down, so the order waits for its payment
    await shop.service("payments").stop();
    const { body: order } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });

    // Assert: listed, and a warning with its id
    const found = await eventually(async () => {
      const stuck = await stuckOrders();
      expect(stuck.orders.map((o: { id: string }) => o.id)).toEqual([order.id]);
      return stuck;
    });
    expect(found).toEqual({
      stuckAfterMs: 1000,
      orders: [
        {
          id: order.id,
          status: "PENDING",
          createdAt: order.createdAt,
          pendingForMs: expect.any(Number),
        },
      ],
    });
    expect(found.orders[0].pendingForMs).toBeGreaterThanOrEqual(1000);
    await eventually(() =>
      expect(shop.service("orders").output()).toMatch(
        new RegExp(`"orderId":"${order.id}".*order stuck`),
      ),
    );

    // Act: payments is back, the order settles
    await shop.service("payments").start();
    await shop.statusOf(order.id, "CONFIRMED");

    expect((await stuckOrders()).orders).toEqual([]);
  });
});
