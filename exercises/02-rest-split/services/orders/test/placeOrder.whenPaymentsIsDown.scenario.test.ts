// Temporal coupling: payments must be up at the moment the order is placed, or there is no order.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when payments is down", () => {
  it("When one payments instance is down, then orders fails over to the other and the order is CONFIRMED", async () => {
    await shop.service("payments").stop();

    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });

    expect(status).toBe(201);
    expect(body.status).toBe("CONFIRMED");
    expect(shop.snapshot().Payment).toEqual([expect.objectContaining({ orderId: body.id })]);
  });

  it("When both payments instances are down, then 503 naming payments, the stock is released, nothing charged, and the refund owed until payments is back", async () => {
    // Arrange
    const before = shop.snapshot();
    await shop.service("payments").stop();
    await shop.service("payments-b").stop();

    // Act
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 2 }],
      card: GOOD_CARD,
    });

    // Assert
    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "payments" });
    const after = shop.snapshot();
    expect(after.Stock).toEqual(before.Stock);
    expect(after.Reservation).toEqual([expect.objectContaining({ sku: "MUG-001", released: 1 })]);
    expect(after.Payment).toEqual([]);
    expect(after.Order).toEqual([expect.objectContaining({ status: "REJECTED" })]);
    // No answer is not "not charged": a refund is owed, and made once payments is back.
    expect(after.Compensation).toEqual([
      expect.objectContaining({ action: "refund", doneAt: null }),
      expect.objectContaining({ action: "release", doneAt: expect.anything() }),
    ]);
    await shop.service("payments").start();
    await eventually(
      () => expect(shop.snapshot().Compensation.every((c) => c.doneAt !== null)).toBe(true),
      { timeout: 10_000, interval: 100 },
    );
  });
});
