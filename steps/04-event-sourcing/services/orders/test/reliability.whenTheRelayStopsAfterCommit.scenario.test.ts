// The order's event is in the store, and the process dies before the forwarder published it.
// After the restart the forwarder goes on from its checkpoint and the order goes on.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { GOOD_CARD, setMessagingFaults, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("An order, when orders dies between storing its event and forwarding it", () => {
  it("When the forwarder never ran before the crash, then the event is published after the restart and the order is CONFIRMED", async () => {
    // Arrange: the relay does not publish (the named fault), as if the process died right after the commit
    const orders = shop.service("orders");
    await setMessagingFaults(orders.url, { relayPaused: true });
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });
    expect(status).toBe(202);
    const db = new Database(join(orders.dataDir, "orders.db"), { readonly: true });
    const forwarded = db
      .prepare(`SELECT coalesce((SELECT position FROM Checkpoint WHERE name = 'forwarder'), 0)`)
      .pluck()
      .get() as number;
    expect(db.prepare(`SELECT type FROM Event WHERE position > ?`).pluck().all(forwarded)).toEqual([
      "OrderPlaced",
    ]);
    db.close();

    // Act: the crash, and the restart
    await orders.kill();
    await orders.start();

    // Assert
    await shop.statusOf(body.id, "CONFIRMED");
  });
});
