import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

const placeMugs = async () =>
  (await shop.api.post("/api/orders", { lines: [{ sku: "MUG-001", qty: 2 }], card: GOOD_CARD }))
    .body;

describe("POST /api/orders/:id/cancel", () => {
  it("When a CONFIRMED order is cancelled, then it is CANCELLED, its stock is back, its payment refunded and its shipment cancelled", async () => {
    const order = await placeMugs();

    const { status, body } = await shop.api.post(`/api/orders/${order.id}/cancel`);

    expect(status).toBe(200);
    expect(body).toMatchObject({ id: order.id, status: "CANCELLED" });
    const after = shop.snapshot();
    expect(after.Stock).toContainEqual({ sku: "MUG-001", available: 25, reserved: 0 });
    expect(after.Payment).toEqual([
      expect.objectContaining({ orderId: order.id, refundedAt: expect.any(String) }),
    ]);
    expect(after.Shipment).toEqual([
      expect.objectContaining({ orderId: order.id, cancelledAt: expect.any(String) }),
    ]);
  });

  it("When shipping fails during a cancel, then the order is CANCELLING with its stock still reserved, and CANCELLED once shipping is back", async () => {
    const order = await placeMugs();
    await shop.chaos("shipping").failShare(1);

    const { status, body } = await shop.api.post(`/api/orders/${order.id}/cancel`);

    // The shipment may still go out: nothing is given back until it is cancelled.
    expect(status).toBe(202);
    expect(body).toMatchObject({ id: order.id, status: "CANCELLING" });
    const during = shop.snapshot();
    expect(during.Stock).toContainEqual({ sku: "MUG-001", available: 23, reserved: 2 });
    expect(during.Shipment).toEqual([expect.objectContaining({ cancelledAt: null })]);
    expect(during.Payment).toEqual([expect.objectContaining({ refundedAt: null })]);

    await shop.chaos("shipping").heal();

    await eventually(
      async () =>
        expect((await shop.api.get(`/api/orders/${order.id}`)).body.status).toBe("CANCELLED"),
      { timeout: 10_000, interval: 100 },
    );
    const after = shop.snapshot();
    expect(after.Stock).toContainEqual({ sku: "MUG-001", available: 25, reserved: 0 });
    expect(after.Payment).toEqual([expect.objectContaining({ refundedAt: expect.any(String) })]);
    expect(after.Shipment).toEqual([expect.objectContaining({ cancelledAt: expect.any(String) })]);
  });

  it("When a cancelled order is cancelled again, then 409 and nothing changes", async () => {
    const order = await placeMugs();
    await shop.api.post(`/api/orders/${order.id}/cancel`);
    const before = shop.snapshot();

    const { status, body } = await shop.api.post(`/api/orders/${order.id}/cancel`);

    expect(status).toBe(409);
    expect(body.error.code).toBe("ORDER_NOT_CANCELLABLE");
    expect(shop.snapshot()).toEqual(before);
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
