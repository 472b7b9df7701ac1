// Trouble rarely lasts 200 ms. A handler that fails for a few seconds (its database restarting, a
// dependency down) sees its message again after longer and longer waits: the order goes through,
// late, instead of ending in a dead-letter queue while the shopper's order stays PENDING.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { deadLetterCounts } from "../../../messaging/dead-letters.ts";
import { GOOD_CARD, setMessagingFaults, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("An order, when payments' handlers fail for a few seconds", () => {
  it("When every payments handler fails for 3 s, then its messages wait longer at each retry and the order ends CONFIRMED, nothing dead-lettered", async () => {
    // Arrange: the named fault, on payments only
    const payments = shop.service("payments");
    const statsOf = async () =>
      (await (await fetch(`${payments.url}/admin/messaging`)).json()).stats;
    process.env.SHOP_NAMESPACE = shop.namespace;
    // the shared shop's counters and dead letters are since it started: count from here
    const before = { stats: await statsOf(), deadLetters: await deadLetterCounts() };
    await setMessagingFaults(payments.url, { failForMs: 3_000 });

    // Act
    const { body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });

    // Assert: confirmed once the trouble is over...
    await eventually(
      async () =>
        expect((await shop.api.get(`/api/orders/${body.id}`)).body.status).toBe("CONFIRMED"),
      { timeout: 20_000, interval: 200 },
    );
    // ...after payments had failed it several times, and parked nothing
    const stats = await statsOf();
    expect((stats.retried ?? 0) - (before.stats.retried ?? 0)).toBeGreaterThanOrEqual(3);
    expect((stats.deadLettered ?? 0) - (before.stats.deadLettered ?? 0)).toBe(0);
    expect(await deadLetterCounts()).toEqual(before.deadLetters);
  }, 40_000);
});
