// An OrderPlaced the vault has no card for (one the first release stored, which kept no card) is
// not published: payments could not charge it, and inventory would hold stock for an order that
// can never be paid. The forwarder logs it and goes on with the next event.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { GOOD_CARD, untilQuiet, useShop } from "../../../test/support/shop.ts";
import { firstRelease } from "./fixtures/first-release.ts";

const shop = useShop();

/** The first release's OrderPlaced (schema version 1: `items`, no total, no card). */
const [placedV1] = firstRelease;

describe("The forwarder, when an OrderPlaced has no card to charge", () => {
  it("When an OrderPlaced of the first release is forwarded, then it is not published: no stock is held, nothing waits for a retry", async () => {
    // Arrange: the old event lands in the running store, as after an import from the first release
    const db = new Database(join(shop.service("orders").dataDir, "orders.db"), { timeout: 5_000 });
    db.prepare(
      `INSERT INTO Event (streamId, version, type, schemaVersion, data, metadata) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      placedV1!.streamId,
      placedV1!.version,
      placedV1!.type,
      placedV1!.schemaVersion,
      JSON.stringify(placedV1!.data),
      JSON.stringify(placedV1!.metadata),
    );
    db.close();

    // Act: a new order, forwarded after the old event
    const { body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });
    await shop.statusOf(body.id, "CONFIRMED");

    // Assert: inventory took the new order's message, never one for the old order (it came first)
    expect(shop.snapshot().Reservation.map((r: { orderId: string }) => r.orderId)).toEqual([
      body.id,
    ]);
    await untilQuiet(shop); // and no charge of it waits for a retry in payments' queues
  });
});
