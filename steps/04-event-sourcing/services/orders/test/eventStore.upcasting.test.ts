// Events written by an older release are read in today's shape: the stored row never changes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../prisma/client.ts";
import { readStream } from "../src/event-store/event-store.ts";
import { orderAt } from "../src/orders.ts";
import { catchUpAll } from "../src/projections/index.ts";
import { eventStoreDatabase } from "./support.ts";

let db: PrismaClient;
beforeEach(() => (db = eventStoreDatabase()));
afterEach(() => db.$disconnect());

/** Events as the first release stored them (OrderPlaced at schema version 1). */
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/order-placed-v1.json"), "utf8")) as {
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}[];

describe("Upcasting", () => {
  it("When a version 1 OrderPlaced is read, then it comes in today's shape: lines, qty, unitPriceCents and a total", async () => {
    for (const row of fixture) await db.event.create({ data: { ...row, data: JSON.stringify(row.data), metadata: JSON.stringify(row.metadata) } });

    const [placed] = await readStream(db, fixture[0]!.streamId);

    expect(placed).toMatchObject({
      type: "OrderPlaced",
      data: {
        orderId: "5a7e0d6e-1111-4abc-8def-000000000001",
        lines: [
          { sku: "MUG-001", qty: 2, unitPriceCents: 1199 },
          { sku: "STK-001", qty: 1, unitPriceCents: 499 },
        ],
        totalCents: 2 * 1199 + 499,
        card: null,
      },
    });
    const raw = await db.event.findFirst({ where: { streamId: fixture[0]!.streamId, version: 1 } });
    expect(JSON.parse(raw!.data)).toHaveProperty("items"); // the stored event is untouched
  });

  it("When the old order is folded and projected, then its state and read model are built from the upcast event", async () => {
    for (const row of fixture) await db.event.create({ data: { ...row, data: JSON.stringify(row.data), metadata: JSON.stringify(row.metadata) } });

    const { order } = await orderAt(db, "5a7e0d6e-1111-4abc-8def-000000000001");
    await catchUpAll(db);

    expect(order).toMatchObject({ status: "CONFIRMED", totalCents: 2897 });
    expect(await db.orderView.findUnique({ where: { id: order.id } })).toMatchObject({ status: "CONFIRMED", totalCents: 2897 });
    expect(await db.salesByProduct.findMany({ orderBy: { sku: "asc" } })).toEqual([
      { sku: "MUG-001", qty: 2, revenueCents: 2398 },
      { sku: "STK-001", qty: 1, revenueCents: 499 },
    ]);
  });
});
