// An Idempotency-Key makes a repeated POST return the first answer and change nothing.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, readModelsCaughtUp, untilQuiet, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

const order = { lines: [{ sku: "MUG-001", qty: 2 }], card: GOOD_CARD };

describe("POST /api/orders with an Idempotency-Key", () => {
  it("When the same order is sent twice with one key, then both answers are the first one and it is placed once", async () => {
    const first = await shop.api.post("/api/orders", order, { "Idempotency-Key": "checkout-1" });
    const second = await shop.api.post("/api/orders", order, { "Idempotency-Key": "checkout-1" });

    expect(first.status).toBe(202);
    expect(second).toMatchObject({ status: 202, body: first.body });
    await shop.statusOf(first.body.id, "CONFIRMED");
    await readModelsCaughtUp(shop);
    expect(shop.snapshot().Order).toHaveLength(1);
    expect(shop.snapshot().Payment).toHaveLength(1);
  });

  it("When the same key is sent twice at the same moment, then one order is placed and both get it", async () => {
    const [a, b] = await Promise.all([
      shop.api.post("/api/orders", order, { "Idempotency-Key": "double-click" }),
      shop.api.post("/api/orders", order, { "Idempotency-Key": "double-click" }),
    ]);

    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).toBe(b.body.id);
    await readModelsCaughtUp(shop);
    expect(shop.snapshot().Order).toHaveLength(1);
  });

  it("When a key is reused with a different body, then 422 and nothing changes", async () => {
    await shop.api.post("/api/orders", order, { "Idempotency-Key": "checkout-2" });
    await untilQuiet(shop);
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

    await readModelsCaughtUp(shop);
    expect(shop.snapshot().Order).toHaveLength(2);
  });
});
