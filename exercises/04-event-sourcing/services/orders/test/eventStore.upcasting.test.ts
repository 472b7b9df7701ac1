// Exercise 04.4: events written by an older release are read in today's shape; the stored row
// never changes. A real event store, with the first release's events as a fixture.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../prisma/client.ts";
import type { OrderEvent } from "../src/domain/order.ts";
import { readStream } from "../src/event-store/event-store.ts";
import { integrationEvent } from "../src/messaging/events.ts";
import { firstRelease, storeFirstRelease } from "./fixtures/first-release.ts";
import { eventStoreDatabase } from "./support.ts";

let db: PrismaClient;
beforeEach(() => (db = eventStoreDatabase()));
afterEach(() => db.$disconnect());

const fixture = firstRelease;

describe("Upcasting", () => {
  it("When a version 1 OrderPlaced is read, then it comes in today's shape: lines, qty, unitPriceCents and a total", async () => {
    await storeFirstRelease(db);

    const [placed] = await readStream<OrderEvent>(db, fixture[0]!.streamId);
    const data = placed!.data as Record<string, unknown>;

    expect(placed!.type).toBe("OrderPlaced");
    expect(Object.keys(data).sort(), "today's shape only: no field of version 1 left over").toEqual(
      ["cardLast4", "lines", "orderId", "placedAt", "totalCents"],
    );
    expect(data.orderId).toBe("5a7e0d6e-1111-4abc-8def-000000000001");
    expect(data.lines, "today's lines: each item as { sku, qty, unitPriceCents }").toEqual([
      { sku: "MUG-001", qty: 2, unitPriceCents: 1199 },
      { sku: "STK-001", qty: 1, unitPriceCents: 499 },
    ]);
    expect(data.totalCents, "version 1 had no total: it is each qty times its price").toBe(
      2 * 1199 + 499,
    );
    expect(data.cardLast4, "the first release kept no card: null, never an invented one").toBe(
      null,
    );
    expect(data.placedAt, "the time it was placed, as it was stored").toBe(
      "2025-06-01T09:30:00.000Z",
    );
    const raw = await db.event.findFirst({ where: { streamId: fixture[0]!.streamId, version: 1 } });
    expect(JSON.parse(raw!.data)).toHaveProperty("items"); // the stored event is untouched
  });

  it("When a version 1 OrderPlaced is to be forwarded, then there is no message: it has no card to charge", async () => {
    await storeFirstRelease(db);

    const [placed, confirmed] = await readStream<OrderEvent>(db, fixture[0]!.streamId);

    expect(integrationEvent(placed!)).toBeNull();
    expect(integrationEvent(placed!, "4242424242424242")).toMatchObject({
      type: "orders.order-placed",
      data: { card: "4242424242424242" },
    });
    expect(integrationEvent(confirmed!)).toMatchObject({
      type: "orders.order-confirmed",
      id: "0b6f3a52-0000-4000-8000-000000000002",
    });
  });

  it("When a version 2 OrderPlaced (which held the card number) is read, then it shows the last four digits only", async () => {
    const data = {
      orderId: "o-2",
      lines: [],
      totalCents: 0,
      card: "4242424242424242",
      placedAt: "2026-01-01T00:00:00.000Z",
    };
    await db.event.create({
      data: {
        streamId: "order-o-2",
        version: 1,
        type: "OrderPlaced",
        schemaVersion: 2,
        data: JSON.stringify(data),
        metadata: "{}",
      },
    });

    const [placed] = await readStream<OrderEvent>(db, "order-o-2");

    expect(placed!.data).toEqual({
      orderId: "o-2",
      lines: [],
      totalCents: 0,
      cardLast4: "4242",
      placedAt: "2026-01-01T00:00:00.000Z",
    });
  });
});
