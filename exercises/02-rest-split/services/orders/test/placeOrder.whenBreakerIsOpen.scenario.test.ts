// After enough failures the breaker opens: orders stops calling payments at all for a while, and
// answers at once instead of making every shopper wait for timeouts.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

// The compensation loop far off: the refunds the first two orders owe would reach payments while
// the test counts its requests. The third order owes none: its charge never left orders. And the
// breakers stay open for the whole test, however slow the machine (no half-open probe).
const shop = useShop({
  env: { orders: { COMPENSATION_INTERVAL_MS: "60000", BREAKER_HALF_OPEN_MS: "60000" } },
});
const order = () =>
  shop.api.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: GOOD_CARD });

describe("POST /api/orders, when payments keeps failing", () => {
  it("When both payments breakers are open, then an order fails with 503 without a single request reaching payments", async () => {
    // Arrange: every payments request fails; two orders make 5 consecutive failures per instance
    await shop.chaos("payments").failShare(1);
    await shop.chaos("payments-b").failShare(1);
    expect((await order()).status).toBe(503);
    expect((await order()).status).toBe(503);
    const before = [
      await shop.chaos("payments").requestCount(),
      await shop.chaos("payments-b").requestCount(),
    ];

    // Act
    const { status, body } = await order();

    // Assert
    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "payments" });
    expect(body.error.message).toContain("circuit open");
    expect([
      await shop.chaos("payments").requestCount(),
      await shop.chaos("payments-b").requestCount(),
    ]).toEqual(before);
  });
});
