// A lost answer is not a "no": the service did the work, orders never heard. Every step whose
// answer never came is undone as if it had been done (release, refund and cancel are safe to
// repeat), and orders keeps trying each undo until the service takes it.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

const MUGS = { lines: [{ sku: "MUG-001", qty: 2 }], card: GOOD_CARD };
const settles = { timeout: 10_000, interval: 100 };

describe("POST /api/orders, when a dependency does the work but its answer is lost", () => {
  it("When every reserve answer is lost, then 503 and the reservation that was made is released", async () => {
    const before = shop.snapshot();
    await shop.chaos("inventory").dropResponses(1);

    const { status, body } = await shop.api.post("/api/orders", MUGS);

    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "inventory" });
    await eventually(() => {
      const after = shop.snapshot();
      expect(after.Reservation).toEqual([
        expect.objectContaining({ sku: "MUG-001", qty: 2, released: 1 }),
      ]);
      expect(after.Stock).toEqual(before.Stock);
      expect(after.Order).toEqual([expect.objectContaining({ status: "REJECTED" })]);
    }, settles);
  });

  it("When every shipment answer is lost, then 503, and once shipping answers again the shipment is cancelled, the charge refunded and the stock released", async () => {
    const before = shop.snapshot();
    await shop.chaos("shipping").dropResponses(1);

    const { status, body } = await shop.api.post("/api/orders", MUGS);
    await shop.chaos("shipping").heal();

    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "shipping" });
    await eventually(() => {
      const after = shop.snapshot();
      expect(after.Shipment).toEqual([
        expect.objectContaining({ cancelledAt: expect.any(String) }),
      ]);
      expect(after.Payment).toEqual([expect.objectContaining({ refundedAt: expect.any(String) })]);
      expect(after.Stock).toEqual(before.Stock);
    }, settles);
  });
  it("When every charge answer is lost, then 503, the charge that was made is refunded and the stock released", async () => {
    const before = shop.snapshot();
    await shop.chaos("payments").dropResponses(1);
    await shop.chaos("payments-b").dropResponses(1);

    const { status, body } = await shop.api.post("/api/orders", MUGS);

    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "payments" });
    await eventually(() => {
      const after = shop.snapshot();
      expect(after.Payment).toEqual([expect.objectContaining({ refundedAt: expect.any(String) })]);
      expect(after.Stock).toEqual(before.Stock);
    }, settles);
  });
});
