// Test files share a shop, and orders keeps its circuit breakers in memory: the seed-data reset
// between tests leaves them. So the hand-over to the next file restarts orders when a file
// injected faults, or that file's first orders would fail for the last one's outage.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, handOver, useShop } from "../../../test/support/shop.ts";

// the breakers stay open for the whole test, however slow the machine (no half-open probe)
const settings = { orders: { BREAKER_HALF_OPEN_MS: "60000" } };
const shop = useShop({ env: settings });
const order = () =>
  shop.api.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: GOOD_CARD });

describe("the shared shop, between two files", () => {
  it("When a file opened orders' payments breakers, then the next file's first order is charged", async () => {
    // Arrange: both payments breakers open, then payments healed by the reset
    await shop.chaos("payments").failShare(1);
    await shop.chaos("payments-b").failShare(1);
    expect((await order()).status).toBe(503);
    expect((await order()).status).toBe(503);
    await shop.reset();

    // Act: the next file, with the same settings (so none of them restarts orders)
    await handOver(shop, settings);

    // Assert
    const { status, body } = await order();
    expect({ status, body: status === 201 ? "charged" : body }).toEqual({
      status: 201,
      body: "charged",
    });
  });
});
