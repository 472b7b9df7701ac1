// Orders itself can die in the middle of a saga, after payments has charged the card. The saga
// record it wrote before calling anyone is what lets it, once restarted, finish what it started.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

// A short gateway timeout, so that a saga's deadline (derived from it) passes within the test.
const shop = useShop({
  env: { web: { GATEWAY_TIMEOUT_MS: "4000" }, orders: { UNDO_TIMEOUT_MS: "300" } },
});

const MUGS = { lines: [{ sku: "MUG-001", qty: 2 }], card: GOOD_CARD };

/** Orders dies (SIGKILL) the moment payments has answered the charge, before it writes that down. */
async function crashRightAfterTheCharge(key: string) {
  const orders = shop.service("orders");
  await orders.stop();
  await orders.start({ CRASH_AFTER: "charge" });
  const first = await shop.api.post("/api/orders", MUGS, { "Idempotency-Key": key });
  expect(first.body.error).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "orders" }); // the gateway's answer
  await orders.kill(); // already dead: this only tells the harness
  expect(shop.snapshot().Payment).toEqual([expect.objectContaining({ refundedAt: null })]); // the card was charged
}

describe("POST /api/orders, when orders is killed in the middle of placing an order", () => {
  it("When orders is killed right after the charge, then once it is back it refunds, releases and rejects the order, and the key still works", async () => {
    const before = shop.snapshot();
    await crashRightAfterTheCharge("crash-1");

    await shop.service("orders").start();

    await eventually(
      () => {
        const after = shop.snapshot();
        expect(after.Order).toEqual([expect.objectContaining({ status: "REJECTED" })]);
        expect(after.Payment).toEqual([
          expect.objectContaining({ refundedAt: expect.any(String) }),
        ]);
        expect(after.Stock).toEqual(before.Stock);
      },
      { timeout: 10_000, interval: 100 },
    );
    // The key is not stuck on the undone order: the shopper's retry places the order, once.
    const retry = await shop.api.post("/api/orders", MUGS, { "Idempotency-Key": "crash-1" });
    expect(retry).toMatchObject({ status: 201, body: { status: "CONFIRMED" } });
    expect(shop.snapshot().Payment.filter((p) => p.refundedAt === null)).toEqual([
      expect.objectContaining({ orderId: retry.body.id }),
    ]);
  }, 30_000);

  it("When the shopper retries with the same key once the saga's deadline has passed, then that same order is resumed and CONFIRMED, charged once", async () => {
    await crashRightAfterTheCharge("crash-2");
    const [pending] = shop.snapshot().Order;
    expect(pending).toMatchObject({ status: "PENDING" });
    // Its recovery loop far off, so that the shopper's retry is the one that finds the order.
    await shop.service("orders").start({ COMPENSATION_INTERVAL_MS: "60000" });
    await eventually(
      () => expect(Date.now()).toBeGreaterThan(new Date(pending.deadlineAt).getTime()),
      { timeout: 5_000, interval: 100 },
    );

    const retry = await shop.api.post("/api/orders", MUGS, { "Idempotency-Key": "crash-2" });

    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: pending.id, status: "CONFIRMED" });
    const after = shop.snapshot();
    expect(after.Payment).toEqual([
      expect.objectContaining({ orderId: pending.id, refundedAt: null }),
    ]);
    expect(after.Shipment).toEqual([
      expect.objectContaining({ orderId: pending.id, cancelledAt: null }),
    ]);
    expect(after.Stock).toContainEqual({ sku: "MUG-001", available: 23, reserved: 2 });
  }, 30_000);
});
