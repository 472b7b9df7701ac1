// Events are kept forever and cannot be deleted, so the card number never goes in one: the event
// keeps its last four digits, and the number waits in the card vault, which forgets it once the
// order is final. Payments still gets the number, from the forwarder, and charges it.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import {
  DECLINED_CARD,
  GOOD_CARD,
  setMessagingFaults,
  useShop,
} from "../../../test/support/shop.ts";

const shop = useShop();

/** Rows of orders' database, as stored. */
function rows<Row>(sql: string): Row[] {
  const db = new Database(join(shop.service("orders").dataDir, "orders.db"), { readonly: true });
  try {
    return db.prepare(sql).all() as Row[];
  } finally {
    db.close();
  }
}
const events = () =>
  rows<{ type: string; data: string; metadata: string }>(
    `SELECT type, data, metadata FROM Event ORDER BY position`,
  );
const vault = () => rows(`SELECT orderId, card FROM CardVault`);

const relay = (relayPaused: boolean) =>
  setMessagingFaults(shop.service("orders").url, { relayPaused });

describe("The card number of an order", () => {
  it("When an order is placed, then no event holds the card number, payments charges it, and the vault forgets it once CONFIRMED", async () => {
    await relay(true); // hold the order PENDING: nothing is forwarded yet
    const { body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });
    const placed = events();
    expect(placed.map((e) => e.type)).toEqual(["OrderPlaced"]);
    expect(placed[0]!.data).not.toContain(GOOD_CARD);
    expect(JSON.parse(placed[0]!.data)).toMatchObject({ orderId: body.id, cardLast4: "4242" });
    expect(vault()).toEqual([{ orderId: body.id, card: GOOD_CARD }]);

    await relay(false);
    await shop.statusOf(body.id, "CONFIRMED");

    await eventually(() =>
      expect(shop.snapshot().Payment).toEqual([
        expect.objectContaining({ orderId: body.id, cardLast4: "4242" }),
      ]),
    );
    expect(events().map((e) => e.type)).toEqual(["OrderPlaced", "OrderConfirmed"]);
    for (const event of events()) expect(event.data + event.metadata).not.toContain(GOOD_CARD);
    expect(vault()).toEqual([]);
  });

  it("When the card is declined, then the order is REJECTED and the vault forgets the number too", async () => {
    const { body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: DECLINED_CARD,
    });

    await shop.statusOf(body.id, "REJECTED");

    for (const event of events()) expect(event.data + event.metadata).not.toContain(DECLINED_CARD);
    expect(vault()).toEqual([]);
  });
});
