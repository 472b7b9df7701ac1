import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, readModelsCaughtUp, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when everything is in place", () => {
  it("When a shopper orders two lines, then it is accepted PENDING at once, and CONFIRMED once stock and payment follow", async () => {
    // Act
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [
        { sku: "MUG-001", qty: 2 },
        { sku: "PEN-001", qty: 1 },
      ],
      card: GOOD_CARD,
    });

    // Assert: accepted, priced from orders' own copy of the catalog
    expect(status).toBe(202);
    expect(body).toMatchObject({
      status: "PENDING",
      totalCents: 2 * 1299 + 4599,
      lines: [
        { sku: "MUG-001", qty: 2, unitPriceCents: 1299 },
        { sku: "PEN-001", qty: 1, unitPriceCents: 4599 },
      ],
    });
    // ... then confirmed by events, with stock reserved, the card charged and a shipment scheduled
    await shop.statusOf(body.id, "CONFIRMED");
    await eventually(() => {
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
    });
  });

  it("When the order is read back, then GET returns it at once, and the list, once caught up, shows the newest first", async () => {
    const first = (
      await shop.api.post("/api/orders", { lines: [{ sku: "MUG-001", qty: 1 }], card: GOOD_CARD })
    ).body;
    const second = (
      await shop.api.post("/api/orders", { lines: [{ sku: "TEE-001", qty: 1 }], card: GOOD_CARD })
    ).body;

    const one = await shop.api.get(`/api/orders/${first.id}`);
    await readModelsCaughtUp(shop); // the list is a read model: it follows a moment later
    const all = await shop.api.get("/api/orders");

    expect(one).toMatchObject({
      status: 200,
      body: { id: first.id, totalCents: first.totalCents },
    });
    expect(all.body.map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
  });

  it("When the caller sends a correlation id, then the response carries it back; without one, one is made", async () => {
    const given = await shop.api.get("/api/products", { "x-correlation-id": "trace-me-123" });
    const made = await shop.api.get("/api/products");

    expect(given.headers.get("x-correlation-id")).toBe("trace-me-123");
    expect(made.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
