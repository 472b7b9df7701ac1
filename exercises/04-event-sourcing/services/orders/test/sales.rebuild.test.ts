// Exercise 04.5: a read model added after months of orders, built by a rebuild from a real
// event store: nobody planned for it, the events were there all along.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../prisma/client.ts";
import type { OrderEvent, OrderLine } from "../src/domain/order.ts";
import { append } from "../src/event-store/event-store.ts";
import { rebuild } from "../src/projections/projection.ts";
import { salesByProduct } from "../src/projections/sales.ts";
import { eventStoreDatabase, metadata } from "./support.ts";

let db: PrismaClient;
beforeEach(() => (db = eventStoreDatabase()));
afterEach(() => db.$disconnect());

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const mugs = (qty: number): OrderLine[] => [{ sku: "MUG-001", qty, unitPriceCents: 1299 }];
const placed = (orderId: string, lines: OrderLine[]): OrderEvent => ({
  type: "OrderPlaced",
  data: {
    orderId,
    lines,
    totalCents: lines.reduce((sum, l) => sum + l.qty * l.unitPriceCents, 0),
    cardLast4: "4242",
    placedAt: "2026-01-01T10:00:00.000Z",
  },
});
const sales = () => db.salesByProduct.findMany({ orderBy: { sku: "asc" } });
/** Appends an order's events to its stream, one after the other, as they happened. */
async function history(orderId: string, ...events: OrderEvent[]) {
  for (const [version, event] of events.entries())
    await append(db, `order-${orderId}`, version, [event], metadata);
}
const confirmed = (orderId: string, qty: number): OrderEvent => ({
  type: "OrderConfirmed",
  data: { orderId, lines: mugs(qty) },
});

describe("Exercise 04.5: sales by product, rebuilt from the store", () => {
  it("When the store holds confirmed, rejected, pending and cancelled orders, then the rebuild counts only what was sold and kept", async () => {
    const [sold, rejected, pending, cancelled] = [id(1), id(2), id(3), id(4)];
    await history(sold, placed(sold, mugs(2)), confirmed(sold, 2));
    await history(rejected, placed(rejected, mugs(5)), {
      type: "OrderRejected",
      data: { orderId: rejected, reason: "PAYMENT_DECLINED" },
    });
    await history(pending, placed(pending, mugs(7)));
    await history(cancelled, placed(cancelled, mugs(3)), confirmed(cancelled, 3), {
      type: "OrderCancelled",
      data: { orderId: cancelled, lines: mugs(3) },
    });

    await rebuild(db, salesByProduct);

    expect(
      await sales(),
      "sold means confirmed and not cancelled: 2 mugs; a rejected or pending order sold nothing",
    ).toEqual([{ sku: "MUG-001", qty: 2, revenueCents: 2598 }]);
  });

  it("When it is rebuilt twice, then it gives the same rows: a rebuild starts from nothing", async () => {
    const sold = id(1);
    await history(sold, placed(sold, mugs(2)), confirmed(sold, 2));

    await rebuild(db, salesByProduct);
    const first = await sales();
    await rebuild(db, salesByProduct);

    expect(await sales(), "the same events give the same read model, every time").toEqual(first);
  });
});
