// Cancelling, end to end on the whole shop: what the customer, the storefront and the other
// services show after a cancel (exercise 03.7 writes orders' and payments' side of it).
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, untilQuiet, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

const confirmedMugs = async () => {
  const { body } = await shop.api.post("/api/orders", {
    lines: [{ sku: "MUG-001", qty: 2 }],
    card: GOOD_CARD,
  });
  return shop.statusOf(body.id, "CONFIRMED");
};

const storefrontStock = async (sku: string) =>
  (await shop.api.get("/api/products")).body.find((p: { sku: string }) => p.sku === sku)?.available;

describe("POST /api/orders/:id/cancel", () => {
  it("When a CONFIRMED order is cancelled, then it is CANCELLED at once, and stock, payment and shipment follow by events", async () => {
    const order = await confirmedMugs();

    const { status, body } = await shop.api.post(`/api/orders/${order.id}/cancel`);

    expect([status, body.status], "the cancel answers at once: 202, CANCELLED").toEqual([
      202,
      "CANCELLED",
    ]);
    expect(
      (await shop.api.get(`/api/orders/${order.id}`)).body.status,
      "orders saves the cancel: the order page says CANCELLED",
    ).toBe("CANCELLED");
    await eventually(async () => {
      const after = shop.snapshot();
      expect(
        after.Stock,
        "inventory hears of the cancel and gives the two mugs back",
      ).toContainEqual({ sku: "MUG-001", available: 25, reserved: 0 });
      expect(after.Payment, "payments hears of the cancel and refunds the charge").toEqual([
        expect.objectContaining({ orderId: order.id, refundedAt: expect.any(String) }),
      ]);
      expect(after.Shipment, "shipping hears of the cancel and stops the shipment").toEqual([
        expect.objectContaining({ orderId: order.id, cancelledAt: expect.any(String) }),
      ]);
      expect(
        await storefrontStock("MUG-001"),
        "the storefront hears that the stock changed, and shows the mugs for sale again",
      ).toBe(25);
    });
  });

  it("When a cancelled order is cancelled again, then 409 and nothing changes", async () => {
    const order = await confirmedMugs();
    await shop.api.post(`/api/orders/${order.id}/cancel`);
    await untilQuiet(shop);
    const before = shop.snapshot();

    const { status, body } = await shop.api.post(`/api/orders/${order.id}/cancel`);
    await untilQuiet(shop);

    expect(
      [status, body.error?.code],
      "only a CONFIRMED order can be cancelled: a second cancel is refused",
    ).toEqual([409, "ORDER_NOT_CANCELLABLE"]);
    expect(shop.snapshot(), "a refused cancel changes nothing anywhere").toEqual(before);
  });

  it("When the order does not exist, then 404 and nothing changes", async () => {
    const before = shop.snapshot();

    const { status } = await shop.api.post(
      "/api/orders/00000000-0000-4000-8000-000000000000/cancel",
    );

    expect(status).toBe(404);
    expect(shop.snapshot()).toEqual(before);
  });
});
