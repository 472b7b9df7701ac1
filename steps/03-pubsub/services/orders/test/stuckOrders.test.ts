// An order whose outcome never comes (a message parked in a .dlq, a service down for good) would
// stay PENDING and nobody would know. Orders looks for them: a warning in its log, and a list on
// GET /admin/stuck-orders for the console. Orders' own rule: its sweeper, in process, on a real
// database, with a second for "stuck" (STUCK_AFTER_MS=1000).
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, listen, serviceApp } from "@shop/kit";
import { freshDataDir, recordingLogger } from "@shop/kit/testing";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";
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
const pendingFor = (ms: number) =>
  db.order.create({
    data: {
      id: randomUUID(),
      status: "PENDING",
      totalCents: 1299,
      createdAt: new Date(Date.now() - ms),
    },
  });
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
    await db.order.updateMany({ data: { status: "CONFIRMED" } });

    expect((await stuckOrders()).orders).toEqual([]);
  });
});
