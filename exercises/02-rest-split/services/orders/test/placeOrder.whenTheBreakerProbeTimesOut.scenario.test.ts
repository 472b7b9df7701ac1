// A half-open breaker lets one charge through to test the water. When that probe times out at
// orders but payments completes it, the breaker opens again at once; the refund must not wait
// behind it: undo calls have their own policy.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

// The compensation loop far off: the refund under test is the one tried before the answer, and
// no background retry reaches payments while the test counts its requests.
const shop = useShop({
  env: {
    orders: {
      BREAKER_THRESHOLD: "2",
      BREAKER_HALF_OPEN_MS: "1000",
      CALL_TIMEOUT_MS: "300",
      COMPENSATION_INTERVAL_MS: "60000",
    },
  },
});

const order = () =>
  shop.api.post("/api/orders", { lines: [{ sku: "MUG-001", qty: 1 }], card: GOOD_CARD });
const paymentsRequests = async () =>
  (await shop.chaos("payments").requestCount()) + (await shop.chaos("payments-b").requestCount());

describe("POST /api/orders, when payments recovers slowly", () => {
  it("When the half-open probe charge times out but payments completes it, then the order is 503 and the charge is refunded", async () => {
    // Arrange: both payments breakers open, then payments answers again, but slower than the timeout
    const before = shop.snapshot();
    await shop.chaos("payments").failShare(1);
    await shop.chaos("payments-b").failShare(1);
    expect((await order()).status).toBe(503);
    for (const name of ["payments", "payments-b"]) await shop.chaos(name).heal();
    for (const name of ["payments", "payments-b"]) await shop.chaos(name).addLatency(600);

    // Act: while both breakers are open, an order does not reach payments; the first one that does is the probe
    const probe = await eventually(
      async () => {
        const before = await paymentsRequests();
        const reply = await order();
        expect(await paymentsRequests()).toBeGreaterThan(before);
        return reply;
      },
      { timeout: 5_000, interval: 50 },
    );

    // Assert
    expect(probe.status).toBe(503);
    expect(probe.body.error).toMatchObject({
      code: "DEPENDENCY_UNAVAILABLE",
      dependency: "payments",
    });
    await eventually(
      () => {
        const after = shop.snapshot();
        expect(after.Payment).toHaveLength(1); // the probe did charge
        expect(after.Payment).toEqual([
          expect.objectContaining({ refundedAt: expect.any(String) }),
        ]);
        expect(after.Stock).toEqual(before.Stock);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
