// The tests' reset waits until orders' forwarder has published every event. The shop's own reset
// may race the forwarder: it deletes events and checkpoints while a batch is still going out, and
// the forwarder then saves the position it reached. Positions are never used twice (the store's
// AUTOINCREMENT), so that checkpoint, now ahead of an empty store, skips nothing, and the tests'
// reset must not wait for it to come back.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FORWARDER } from "../src/messaging/forwarder.ts";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();
const order = async () =>
  (
    await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    })
  ).body.id as string;

/** Empties the store and writes the forwarder's checkpoint back where it was, as the race does. */
function raceTheReset(): void {
  const db = new Database(join(shop.service("orders").dataDir, "orders.db"));
  try {
    const last = db.prepare(`SELECT max(position) FROM Event`).pluck().get() as number;
    db.prepare(`DELETE FROM Event`).run();
    db.prepare(`INSERT OR REPLACE INTO Checkpoint (name, position) VALUES (?, ?)`).run(
      FORWARDER,
      last,
    );
  } finally {
    db.close();
  }
}

describe("the tests' reset", () => {
  it("When the forwarder saved its checkpoint after the shop's reset, then new orders still go out and the next reset succeeds", async () => {
    // Arrange: an order published, then the race
    await shop.statusOf(await order(), "CONFIRMED");
    raceTheReset();

    // Act and assert: the next order is published (its position is past the checkpoint)...
    expect((await shop.statusOf(await order(), "CONFIRMED")).status).toBe("CONFIRMED");
    // ...and, after the race again, the tests' reset does not wait for the checkpoint to go
    raceTheReset();
    await shop.reset();
  });
});
