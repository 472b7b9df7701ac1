// Exercise 04.5: sales per product, folded from stored events: pure, no database.
import { describe, expect, it } from "vitest";
import type { OrderEvent } from "../src/domain/order.ts";
import type { StoredEvent } from "../src/event-store/event-store.ts";
import { salesByProduct } from "../src/projections/sales.ts";

const stored = (event: OrderEvent, version: number): StoredEvent<OrderEvent> =>
  ({
    ...event,
    position: version,
    streamId: `order-${event.data.orderId}`,
    version,
    metadata: { correlationId: "c", causationId: null, eventId: `e${version}`, occurredAt: "" },
  }) as StoredEvent<OrderEvent>;

const orderId = "00000000-0000-4000-8000-000000000001";
const lines = [
  { sku: "MUG-001", qty: 2, unitPriceCents: 1299 },
  { sku: "PEN-001", qty: 1, unitPriceCents: 4599 },
  { sku: "MUG-001", qty: 1, unitPriceCents: 1299 }, // the API refuses this; the events may not
];
const fold = (events: StoredEvent<OrderEvent>[]) => {
  const rows = new Map<string, { sku: string; qty: number; revenueCents: number }>();
  for (const event of events)
    for (const key of salesByProduct.keysOf(event)) {
      const row = salesByProduct.apply(rows.get(key), event, key);
      if (row) rows.set(key, row);
    }
  return [...rows.values()];
};

describe("The sales projection", () => {
  it("When an order is confirmed, then each sku counts every line of it, once", () => {
    expect(
      fold([stored({ type: "OrderConfirmed", data: { orderId, lines } }, 2)]),
      "every line of the sku counts: its qty, and qty times its price as revenue",
    ).toEqual([
      { sku: "MUG-001", qty: 3, revenueCents: 3897 },
      { sku: "PEN-001", qty: 1, revenueCents: 4599 },
    ]);
  });

  it("When the confirmed order is cancelled, then its sales are taken back to zero", () => {
    expect(
      fold([
        stored({ type: "OrderConfirmed", data: { orderId, lines } }, 2),
        stored({ type: "OrderCancelled", data: { orderId, lines } }, 3),
      ]),
      "a cancelled order is taken back: its lines count negative",
    ).toEqual([
      { sku: "MUG-001", qty: 0, revenueCents: 0 },
      { sku: "PEN-001", qty: 0, revenueCents: 0 },
    ]);
  });

  it("When an event is applied, then the row it was given stays as it was", () => {
    const first = fold([stored({ type: "OrderConfirmed", data: { orderId, lines } }, 2)])[0]!;
    const before = structuredClone(first);
    const cancelled = stored({ type: "OrderCancelled", data: { orderId, lines } }, 3);

    salesByProduct.apply(first, cancelled, "MUG-001");

    expect(
      first,
      "apply returns a new row; a rebuild replays from rows it must not change",
    ).toEqual(before);
  });
});
