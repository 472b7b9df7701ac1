// The gateway waits only so long for orders. If orders went on working after that, a shopper
// told "unavailable" could find the order confirmed, and charged, later. The gateway sends how
// long it waits; orders stops calling forward in time to undo and answer before that.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

// Calls are allowed to be slow (5 s each); the gateway waits 3 s for the whole order.
const shop = useShop({
  env: {
    web: { GATEWAY_TIMEOUT_MS: "3000" },
    orders: { CALL_TIMEOUT_MS: "5000", UNDO_TIMEOUT_MS: "300" },
  },
});

describe("POST /api/orders, when placing it takes longer than the gateway waits", () => {
  it("When shipping takes 3.5 s, then orders itself answers 503 in time, and the order is undone, never confirmed", async () => {
    const before = shop.snapshot();
    await shop.chaos("shipping").addLatency(3_500);

    const started = performance.now();
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 2 }],
      card: GOOD_CARD,
    });
    const elapsed = performance.now() - started;

    // orders' own answer (naming shipping), not the gateway's (naming orders)
    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "shipping" });
    expect(elapsed).toBeLessThan(3_000);
    // The shipment orders gave up on still lands, late; only then does shipping answer again.
    await eventually(() => expect(shop.snapshot().Shipment).toHaveLength(1), {
      timeout: 5_000,
      interval: 100,
    });
    await shop.chaos("shipping").heal();
    await eventually(
      () => {
        const after = shop.snapshot();
        expect(after.Order).toEqual([expect.objectContaining({ status: "REJECTED" })]);
        expect(after.Shipment).toEqual([
          expect.objectContaining({ cancelledAt: expect.any(String) }),
        ]);
        expect(after.Payment).toEqual([
          expect.objectContaining({ refundedAt: expect.any(String) }),
        ]);
        expect(after.Stock).toEqual(before.Stock);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
