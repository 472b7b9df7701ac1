// The broker link drops in the middle of a burst. Orders keep being accepted (the outbox holds
// their events), the services reconnect when the link is back, and every order settles once,
// with nothing charged or reserved twice.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, messagingTotals, settled, useShop } from "../../../test/support/shop.ts";

const shop = useShop({ brokerLink: true, reset: false });
const ORDERS = 200;

describe("A burst of orders, when the broker link is cut for a few seconds", () => {
  it(`When the link is cut after 50 of ${ORDERS} orders and restored after the rest, then every order is CONFIRMED once`, async () => {
    // Arrange
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: 10_000 });
    const place = () =>
      shop.api.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: GOOD_CARD });
    const burst = async (n: number) => {
      const accepted: string[] = [];
      for (let i = 0; i < n; i += 10) {
        const batch = await Promise.all(Array.from({ length: Math.min(10, n - i) }, place));
        for (const r of batch) {
          expect(r.status).toBe(202);
          accepted.push(r.body.id);
        }
      }
      return accepted;
    };
    const started = performance.now();

    // Act
    const before = await burst(50);
    shop.brokerLink!.cut();
    const during = await burst(ORDERS - 50);
    shop.brokerLink!.restore();

    // Assert
    const outcome = await settled(shop, [...before, ...during], 90_000);
    const settleSeconds = (performance.now() - started) / 1000;
    expect(outcome).toEqual({ CONFIRMED: ORDERS });
    const after = shop.snapshot();
    expect(after.Payment).toHaveLength(ORDERS);
    expect(new Set(after.Reservation.map((r) => r.orderId)).size).toBe(ORDERS);
    expect(after.Reservation).toHaveLength(ORDERS);
    expect(after.Stock).toContainEqual({
      sku: "NTB-001",
      available: 50 + 10_000 - ORDERS,
      reserved: ORDERS,
    });
    console.log(
      `broker link cut: ${ORDERS} orders settled in ${settleSeconds.toFixed(1)} s; messaging ${JSON.stringify(await messagingTotals(shop))}`,
    );
  }, 120_000);
});
