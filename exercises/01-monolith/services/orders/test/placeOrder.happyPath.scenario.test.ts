import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when everything is in place", () => {
  it("When a shopper orders two lines, then the order is CONFIRMED at catalog prices and stock, payment and shipment follow", async () => {
    // Arrange
    const before = shop.snapshot();

    // Act
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [
        { sku: "MUG-001", qty: 2 },
        { sku: "PEN-001", qty: 1 },
      ],
      card: GOOD_CARD,
    });

    // Assert
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: "CONFIRMED",
      totalCents: 2 * 1299 + 4599,
      lines: [
        { sku: "MUG-001", qty: 2, unitPriceCents: 1299 },
        { sku: "PEN-001", qty: 1, unitPriceCents: 4599 },
      ],
    });
    const after = shop.snapshot();
    expect(after.Stock).toContainEqual({ sku: "MUG-001", available: 23, reserved: 2 });
    expect(after.Stock).toContainEqual({ sku: "PEN-001", available: 4, reserved: 1 });
    expect(after.Payment).toEqual([
      expect.objectContaining({
        orderId: body.id,
        amountCents: body.totalCents,
        cardLast4: "4242",
        refundedAt: null,
      }),
    ]);
    expect(after.Shipment).toEqual([
      expect.objectContaining({ orderId: body.id, cancelledAt: null }),
    ]);
    expect(before.Order).toEqual([]);
  });

  it("When the order is read back, then GET returns it, and the list shows the newest first", async () => {
    const first = (
      await shop.api.post("/api/orders", { lines: [{ sku: "MUG-001", qty: 1 }], card: GOOD_CARD })
    ).body;
    const second = (
      await shop.api.post("/api/orders", { lines: [{ sku: "TEE-001", qty: 1 }], card: GOOD_CARD })
    ).body;

    const one = await shop.api.get(`/api/orders/${first.id}`);
    const all = await shop.api.get("/api/orders");

    expect(one).toMatchObject({ status: 200, body: first });
    expect(all.body.map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
  });

  it("When the caller sends a correlation id, then the response carries it back; without one, one is made", async () => {
    const given = await shop.api.get("/api/products", { "x-correlation-id": "trace-me-123" });
    const made = await shop.api.get("/api/products");

    expect(given.headers.get("x-correlation-id")).toBe("trace-me-123");
    expect(made.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
