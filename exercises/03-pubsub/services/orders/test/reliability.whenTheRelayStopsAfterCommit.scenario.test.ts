// The order is committed with its event in the outbox, and the process dies before publishing.
// After the restart the relay finds the event and the order goes on.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { GOOD_CARD, setMessagingFaults, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("An order, when orders dies between the commit and the publish", () => {
  it("When the relay never ran before the crash, then the event is published after the restart and the order is CONFIRMED", async () => {
    // Arrange: the relay does not publish (the named fault), as if the process died right after the commit
    const orders = shop.service("orders");
    await setMessagingFaults(orders.url, { relayPaused: true });
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });
    expect(status).toBe(202);
    const db = new Database(join(orders.dataDir, "orders.db"), { readonly: true });
    expect(db.prepare(`SELECT type FROM OutboxMessage WHERE sentAt IS NULL`).pluck().all()).toEqual(
      ["orders.order-placed"],
    );
    db.close();

    // Act: the crash, and the restart
    await orders.kill();
    await orders.start();

    // Assert
    await shop.statusOf(body.id, "CONFIRMED");
  });
});
