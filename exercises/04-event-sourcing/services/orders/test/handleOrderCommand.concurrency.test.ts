// Optimistic concurrency on one stream: 50 commands at once, one correct outcome.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../prisma/client.ts";
import { OrderNotCancellable } from "../src/domain/order.ts";
import { readStream } from "../src/event-store/event-store.ts";
import { handleOrderCommand } from "../src/handle-order-command.ts";
import { eventStoreDatabase, metadata } from "./support.ts";

let db: PrismaClient;
beforeEach(() => (db = eventStoreDatabase()));
afterEach(() => db.$disconnect());

const orderId = "00000000-0000-4000-8000-000000000001";

describe("Commands on one order, at the same moment", () => {
  it("When 50 cancels of one confirmed order race, then one OrderCancelled is stored and the 49 others are refused as not cancellable, none with a conflict", async () => {
    // Arrange
    const prices = new Map([["MUG-001", 1299]]);
    await handleOrderCommand(
      db,
      {
        type: "PlaceOrder",
        data: {
          orderId,
          lines: [{ sku: "MUG-001", qty: 1 }],
          card: "4242424242424242",
          prices,
          now: new Date(),
        },
      },
      metadata,
    );
    await handleOrderCommand(db, { type: "ConfirmOrder", data: { orderId } }, metadata);

    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        handleOrderCommand(db, { type: "CancelOrder", data: { orderId } }, metadata),
      ),
    );

    // Assert
    const done = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(done).toHaveLength(1);
    // A racer that lost an append re-reads the stream and decides again: it sees CANCELLED and is
    // refused for that reason, never with the version conflict itself.
    const reasons = refused.map((r) => (r as PromiseRejectedResult).reason);
    expect(reasons).toHaveLength(49);
    expect(reasons.filter((reason) => !(reason instanceof OrderNotCancellable))).toEqual([]);
    expect((await readStream(db, `order-${orderId}`)).map((e) => e.type)).toEqual([
      "OrderPlaced",
      "OrderConfirmed",
      "OrderCancelled",
    ]);
  });

  it("When 50 confirmations of one order race, then exactly one OrderConfirmed is stored and the others decide nothing", async () => {
    const prices = new Map([["MUG-001", 1299]]);
    await handleOrderCommand(
      db,
      {
        type: "PlaceOrder",
        data: {
          orderId,
          lines: [{ sku: "MUG-001", qty: 1 }],
          card: "4242424242424242",
          prices,
          now: new Date(),
        },
      },
      metadata,
    );

    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        handleOrderCommand(db, { type: "ConfirmOrder", data: { orderId } }, metadata),
      ),
    );

    expect(results.filter((r) => r.events.length === 1)).toHaveLength(1);
    expect(results.reduce((sum, r) => sum + r.conflicts, 0)).toBeGreaterThan(0);
    expect((await readStream(db, `order-${orderId}`)).map((e) => e.type)).toEqual([
      "OrderPlaced",
      "OrderConfirmed",
    ]);
  });
});
