// An Idempotency-Key makes a repeated POST return the first answer and change nothing.
import { describe, expect, it } from "vitest";
import { DECLINED_CARD, GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

const order = { lines: [{ sku: "MUG-001", qty: 2 }], card: GOOD_CARD };

describe("POST /api/orders with an Idempotency-Key", () => {
  it("When the same order is sent twice with one key, then both answers are the first one and it is placed once", async () => {
    const first = await shop.api.post("/api/orders", order, { "Idempotency-Key": "checkout-1" });
    const afterFirst = shop.snapshot();

    const second = await shop.api.post("/api/orders", order, { "Idempotency-Key": "checkout-1" });

    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 201, body: first.body });
    expect(shop.snapshot()).toEqual(afterFirst);
    expect(afterFirst.Order).toHaveLength(1);
    expect(afterFirst.Stock).toContainEqual({ sku: "MUG-001", available: 23, reserved: 2 });
  });

  it("When the same key is sent twice at the same moment, then one order is placed and both get it", async () => {
    const [a, b] = await Promise.all([
      shop.api.post("/api/orders", order, { "Idempotency-Key": "double-click" }),
      shop.api.post("/api/orders", order, { "Idempotency-Key": "double-click" }),
    ]);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(shop.snapshot().Order).toHaveLength(1);
  });

  it("When a declined order is repeated with its key, then it is declined again without charging or holding stock", async () => {
    const declined = { ...order, card: DECLINED_CARD };
    const first = await shop.api.post("/api/orders", declined, { "Idempotency-Key": "declined-1" });
    const afterFirst = shop.snapshot();

    const second = await shop.api.post("/api/orders", declined, {
      "Idempotency-Key": "declined-1",
    });

    expect(first.status).toBe(402);
    expect(second).toMatchObject({ status: 402, body: first.body });
    expect(shop.snapshot()).toEqual(afterFirst);
    expect(afterFirst.Payment).toEqual([]);
  });

  it("When the first try failed with 503, then a retry with the same key places the order: the first one was undone, nothing of it kept", async () => {
    await shop.service("payments").stop();
    await shop.service("payments-b").stop();
    const first = await shop.api.post("/api/orders", order, {
      "Idempotency-Key": "after-an-error",
    });
    await shop.service("payments").start();
    await shop.service("payments-b").start();

    const retry = await shop.api.post("/api/orders", order, {
      "Idempotency-Key": "after-an-error",
    });

    expect(first.status).toBe(503);
    expect(retry).toMatchObject({ status: 201, body: { status: "CONFIRMED" } });
    const after = shop.snapshot();
    expect(after.Order.map((o) => o.status)).toEqual(["REJECTED", "CONFIRMED"]);
    expect(after.Payment).toEqual([
      expect.objectContaining({ orderId: retry.body.id, refundedAt: null }),
    ]);
    expect(after.Stock).toContainEqual({ sku: "MUG-001", available: 23, reserved: 2 });
    expect(
      (await shop.api.post("/api/orders", order, { "Idempotency-Key": "after-an-error" })).body,
    ).toEqual(retry.body);
  });

  it("When a key is reused with a different body, then 422 and nothing changes", async () => {
    await shop.api.post("/api/orders", order, { "Idempotency-Key": "checkout-2" });
    const before = shop.snapshot();

    const reused = await shop.api.post(
      "/api/orders",
      { ...order, lines: [{ sku: "PEN-001", qty: 1 }] },
      { "Idempotency-Key": "checkout-2" },
    );

    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(shop.snapshot()).toEqual(before);
  });

  it("When the same order is sent twice without a key, then two orders are placed", async () => {
    await shop.api.post("/api/orders", order);
    await shop.api.post("/api/orders", order);

    expect(shop.snapshot().Order).toHaveLength(2);
  });
});
