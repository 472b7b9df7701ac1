// An order whose outcome never comes (a message parked in a .dlq, a service down for good) would
// stay PENDING and nobody would know. Orders looks for them: a warning in its log, and a list on
// GET /admin/stuck-orders for the console. Orders' own rule: its sweeper, in process, on a real
// database (its order list, the read model), with a second for "stuck" (STUCK_AFTER_MS=1000).
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, listen, serviceApp } from "@shop/kit";
import { freshDataDir, recordingLogger } from "@shop/kit/testing";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";
import { orderStream } from "../src/domain/order.ts";
import { append } from "../src/event-store/event-store.ts";
import { startStuckOrderSweeper } from "../src/stuck-orders.ts";

let db: PrismaClient;
let log: ReturnType<typeof recordingLogger>;
let sweeper: ReturnType<typeof startStuckOrderSweeper>;
let server: Awaited<ReturnType<typeof listen>>;
beforeEach(async () => {
  db = openDatabase(freshDataDir("stuck-orders-"));
  log = recordingLogger("orders");
  sweeper = startStuckOrderSweeper(db, log.logger, 1000, 50); // a sweep every 50 ms
  server = await listen(serviceApp("orders", log.logger, [sweeper.routes]), 0);
});
afterEach(async () => {
  sweeper.stop();
  await server.close();
  await db.$disconnect();
});

const stuckOrders = async () =>
  (await (await fetch(`${server.url}/admin/stuck-orders`)).json()) as any;
const LINES = [{ sku: "MUG-001", qty: 1, unitPriceCents: 1299 }];
const trace = { correlationId: "test", causationId: null };
/** An order placed `ms` ago: its OrderPlaced in the store, its row in the list. */
async function pendingFor(ms: number) {
  const [id, createdAt] = [randomUUID(), new Date(Date.now() - ms)];
  const data = { orderId: id, lines: LINES, totalCents: 1299, cardLast4: "4242" };
  await append(
    db,
    orderStream(id),
    0,
    [{ type: "OrderPlaced", data: { ...data, placedAt: createdAt.toISOString() } }],
    trace,
  );
  return db.orderView.create({
    data: {
      id,
      status: "PENDING",
      totalCents: 1299,
      lines: JSON.stringify(LINES),
      version: 1,
      createdAt,
    },
  });
}
const confirmInStream = (id: string) =>
  append(
    db,
    orderStream(id),
    1,
    [{ type: "OrderConfirmed", data: { orderId: id, lines: LINES } }],
    trace,
  );
const warningsAbout = (orderId: string) =>
  log.lines().filter((line) => line.includes(orderId) && line.includes("order stuck"));

describe("GET /admin/stuck-orders", () => {
  it("When an order stays PENDING longer than STUCK_AFTER_MS, then orders lists it and logs a warning, once; once it settles, it is no longer listed", async () => {
    // Arrange: one order pending for 1.5 s, one just placed
    const stuck = await pendingFor(1500);
    const young = await pendingFor(0);

    // Assert: only the old one is listed, and warned about
    const found = await stuckOrders();
    expect(found).toEqual({
      stuckAfterMs: 1000,
      orders: [
        {
          id: stuck.id,
          status: "PENDING",
          createdAt: stuck.createdAt.toISOString(),
          pendingForMs: expect.any(Number),
        },
      ],
    });
    expect(found.orders[0].pendingForMs).toBeGreaterThanOrEqual(1500);
    await eventually(() => expect(warningsAbout(stuck.id)).toHaveLength(1));
    // a second later the young one is stuck too; the sweeps in between did not warn again
    await eventually(() => expect(warningsAbout(young.id)).toHaveLength(1));
    expect(warningsAbout(stuck.id)).toHaveLength(1);

    // Act: both settle
    await db.orderView.updateMany({ data: { status: "CONFIRMED" } });

    expect((await stuckOrders()).orders).toEqual([]);
  });

  it("When the list lags behind the store (the order is CONFIRMED in its stream, PENDING in the list), then it is not reported", async () => {
    const lagging = await pendingFor(1500);
    await confirmInStream(lagging.id);

    expect((await stuckOrders()).orders).toEqual([]);
  });
});
