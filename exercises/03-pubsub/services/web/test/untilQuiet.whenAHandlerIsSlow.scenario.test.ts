// The tests' wait for a quiet shop (before each reset, and where a test needs everything
// settled): a message in a slow handler is in no queue, and nothing counts it as settled yet,
// so looks that see only queues and counters would call the shop quiet too early.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, untilQuiet, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("the tests' wait for a quiet shop", () => {
  it("When payments' handler takes 800 ms, then the wait ends only after the order is final", async () => {
    // Arrange
    await shop.chaos("payments").addLatency(800);
    const { body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });

    // Act
    await untilQuiet(shop);

    // Assert: no waiting here
    expect((await shop.api.get(`/api/orders/${body.id}`)).body.status).toBe("CONFIRMED");
  });
});
