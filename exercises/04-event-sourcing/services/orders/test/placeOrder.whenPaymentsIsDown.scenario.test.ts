// No temporal coupling: payments may be down when the order is placed. The order is accepted,
// waits PENDING, and is confirmed when payments comes back and reads its queue.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when payments is down", () => {
  it("When payments is stopped, then the order is accepted and stays PENDING; when payments restarts, it is CONFIRMED", async () => {
    // Arrange
    await shop.service("payments").stop();

    // Act
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });

    // Assert: accepted at once; inventory did its part; the order waits for payments
    expect(status).toBe(202);
    expect(body.status).toBe("PENDING");
    await eventually(() =>
      expect(shop.snapshot().Stock).toContainEqual({ sku: "MUG-001", available: 24, reserved: 1 }),
    );
    expect((await shop.api.get(`/api/orders/${body.id}`)).body.status).toBe("PENDING");
    expect(shop.snapshot().Payment).toEqual([]);

    await shop.service("payments").start();

    await shop.statusOf(body.id, "CONFIRMED");
    expect(shop.snapshot().Payment).toEqual([
      expect.objectContaining({ orderId: body.id, amountCents: 1299 }),
    ]);
  });
});
