// Shipping hears of confirmations and of cancellations on two queues: nothing keeps the two in
// order (and a retry reorders even one queue). A cancel that comes first must leave a mark, so that
// the late confirm ships nothing.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { envelope } from "../../../messaging/envelope.ts";
import { quiet } from "../../../test/support/broker.ts";
import { useShop } from "../../../test/support/shop.ts";

const shop = useShop();

/** True once shipping's inbox has the message: its handler ran and committed. */
function handled(consumer: string, messageId: string): boolean {
  const db = new Database(join(shop.service("shipping").dataDir, "shipping.db"), {
    readonly: true,
  });
  try {
    return (
      db
        .prepare(`SELECT 1 FROM InboxMessage WHERE consumer = ? AND messageId = ?`)
        .get(consumer, messageId) !== undefined
    );
  } finally {
    db.close();
  }
}

describe("shipping, when an order's cancel comes before its confirm", () => {
  it("When shipping handles an order's cancel before its confirm, then no shipment goes out", async () => {
    process.env.SHOP_NAMESPACE = shop.namespace;
    const broker = await connectBroker("test", quiet);
    try {
      // Arrange: the cancel reaches shipping first, and is handled
      const orderId = randomUUID();
      const trace = { correlationId: "cancel-first" };
      const cancelled = envelope("orders.order-cancelled", { orderId }, trace);
      await broker.publish(cancelled);
      await eventually(() => expect(handled("shipping.order-cancelled", cancelled.id)).toBe(true));

      // Act: the confirm comes late
      const confirmed = envelope(
        "orders.order-confirmed",
        { orderId, lines: [{ sku: "MUG-001", qty: 1, unitPriceCents: 1200 }] },
        trace,
      );
      await broker.publish(confirmed);
      await eventually(() => expect(handled("shipping.order-confirmed", confirmed.id)).toBe(true));

      // Assert: the order's only shipment is a cancelled one
      const shipments = shop.snapshot().Shipment.filter((s) => s.orderId === orderId);
      expect(shipments).toEqual([
        expect.objectContaining({ orderId, cancelledAt: expect.anything() }),
      ]);
    } finally {
      await broker.close();
    }
  });
});
