// At-least-once delivery: every message reaches its handler twice. The inboxes make that harmless.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import {
  GOOD_CARD,
  messagingTotals,
  setMessagingFaults,
  settled,
  useShop,
} from "../../../test/support/shop.ts";

const shop = useShop();

describe("Orders, when every message is delivered twice", () => {
  it("When each handler sees each message twice, then each order has one effect: one reservation, one charge, one shipment", async () => {
    // Arrange: the named fault on every service
    for (const service of Object.values(shop.step.services))
      await setMessagingFaults(service.url, { deliverTwice: true });

    // the shared shop's counters run since it started: count from here
    const before = (await messagingTotals(shop)).duplicatesSuppressed ?? 0;

    // Act
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(
        (
          await shop.api.post("/api/orders", {
            lines: [{ sku: "NTB-001", qty: 1 }],
            card: GOOD_CARD,
          })
        ).body.id,
      );

    // Assert
    expect(await settled(shop, ids)).toEqual({ CONFIRMED: 20 });
    // shipping hears of a confirmation after orders made it: wait for the last effect
    await eventually(() => expect(shop.snapshot().Shipment).toHaveLength(20));
    const after = shop.snapshot();
    expect(after.Reservation).toHaveLength(20);
    expect(after.Payment).toHaveLength(20);
    expect(after.Stock).toContainEqual({ sku: "NTB-001", available: 30, reserved: 20 });
    // each order's five handlings (inventory and payments: order placed; payments: stock
    // reserved; orders: payment outcome; shipping: order confirmed) each met a duplicate
    const totals = await eventually(async () => {
      const suppressed = ((await messagingTotals(shop)).duplicatesSuppressed ?? 0) - before;
      expect(suppressed).toBe(20 * 5);
      return suppressed;
    });
    console.log(`every message twice: 20 orders, ${totals} duplicates suppressed`);
  }, 60_000);
});
