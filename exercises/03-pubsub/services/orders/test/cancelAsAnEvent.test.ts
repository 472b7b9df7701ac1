// Exercise 03.7: cancel as an event, orders' side, told by outcomes: the order is CANCELLED and an
// event waits in its outbox, committed with it, that fits a contract and reaches a queue of every
// service holding a part of the order (on the real broker). No test names the event.
import { randomUUID } from "node:crypto";
import { Connection } from "rabbitmq-client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_AMQP_URL } from "@shop/kit";
import { freshDataDir } from "@shop/kit/testing";
import { readMessage } from "../../../messaging/contracts.ts";
import type { Envelope } from "../../../messaging/envelope.ts";
import { namespaced, QUEUES, type QueueName } from "../../../messaging/topology.ts";
import { testBroker, type TestBroker } from "../../../test/support/broker.ts";
import { inTransaction, openDatabase, type PrismaClient } from "../prisma/client.ts";
import { cancelOrder } from "../src/cancel-order.ts";
import { findOrder, insertOrder } from "../src/db/orders.ts";
import type { Order, OrderStatus } from "../src/domain/order.ts";

let db: PrismaClient;
let shop: TestBroker;
let connection: Connection;
beforeAll(async () => {
  shop = await testBroker(); // only one test publishes: one namespace for the file
  connection = new Connection({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL });
});
afterAll(async () => {
  await connection.close();
  await shop.close();
});
beforeEach(() => {
  db = openDatabase(freshDataDir("ex-03-8-"));
});
afterEach(() => db.$disconnect());

const trace = { correlationId: "c-03.7" };
async function anOrder(status: OrderStatus): Promise<Order> {
  const order: Order = {
    id: randomUUID(),
    status,
    lines: [{ sku: "MUG-001", qty: 2, unitPriceCents: 1299 }],
    totalCents: 2598,
    rejectionReason: null,
    createdAt: new Date(),
  };
  await insertOrder(db, order);
  return order;
}
const outbox = async () =>
  (await db.outboxMessage.findMany({ orderBy: { position: "asc" } })).map(
    (row) => JSON.parse(row.body) as Envelope,
  );
/** Which of the step's queues a message of this type is routed to. */
const queuesFor = (type: string) =>
  (Object.keys(QUEUES) as QueueName[]).filter((q) =>
    (QUEUES[q] as readonly string[]).includes(type),
  );
const waiting = async (queue: QueueName) =>
  (await connection.queueDeclare({ queue: namespaced(queue), passive: true })).messageCount;

describe("cancelOrder, orders' side of a cancel", () => {
  it("When a CONFIRMED order is cancelled, then it is CANCELLED and one event, fitting its contract, waits in the outbox", async () => {
    const order = await anOrder("CONFIRMED");

    const answer = await inTransaction(db, (tx) => cancelOrder(tx, order.id, trace));

    expect(answer.status, "the answer is the cancelled order").toBe("CANCELLED");
    expect(
      (await findOrder(db, order.id))?.status,
      "orders saves the cancel: the order page says CANCELLED",
    ).toBe("CANCELLED");
    const events = await outbox();
    expect(events.length, "orders says what happened: one event in its outbox").toBe(1);
    const [event] = events as [Envelope];
    expect(
      readMessage(JSON.parse(JSON.stringify(event)), [event.type as never]),
      "the event fits a contract of messaging/contracts.ts: its consumers can read it",
    ).toMatchObject({ ok: true });
    expect(event.data, "the event names the order it is about").toMatchObject({
      orderId: order.id,
    });
    expect(event.correlationId, "the event carries the request's correlation id").toBe(
      trace.correlationId,
    );
  });

  it("When the event is published, then every service holding a part of the order hears of it", async () => {
    const order = await anOrder("CONFIRMED");
    await inTransaction(db, (tx) => cancelOrder(tx, order.id, trace));
    const [event] = (await outbox()) as [Envelope];

    await shop.broker.publish(event);

    const services = new Set(queuesFor(event.type).map((q) => q.split(".")[0]));
    expect(
      [...services].sort(),
      "inventory (the stock), payments (the money) and shipping (the parcel) each hear of it",
    ).toEqual(expect.arrayContaining(["inventory", "payments", "shipping"]));
    for (const queue of queuesFor(event.type))
      expect(await waiting(queue), `the event waits in ${queue}`).toBe(1);
  });

  it("When the transaction that cancels is rolled back, then neither the cancel nor its event is kept", async () => {
    const order = await anOrder("CONFIRMED");

    const outcome = await inTransaction(db, async (tx) => {
      await cancelOrder(tx, order.id, trace);
      throw new Error("the request failed after the cancel");
    }).then(() => "committed", String);

    expect(outcome).toContain("the request failed");
    expect(
      [(await findOrder(db, order.id))?.status, (await outbox()).length],
      "the cancel and its event are written in the transaction they are given: both, or neither",
    ).toEqual(["CONFIRMED", 0]);
  });

  it.each(["PENDING", "REJECTED", "CANCELLED"] as const)(
    "When a %s order is cancelled, then it is refused and nothing is said",
    async (status) => {
      const order = await anOrder(status);

      const outcome = await inTransaction(db, (tx) => cancelOrder(tx, order.id, trace)).then(
        () => "cancelled",
        (error: { code?: string }) => error.code,
      );

      expect(
        outcome,
        "only a CONFIRMED order can be cancelled: the domain decides (cancelOrder in domain/order.ts)",
      ).toBe("ORDER_NOT_CANCELLABLE");
      expect(
        [(await findOrder(db, order.id))?.status, (await outbox()).length],
        "a refused cancel changes nothing and says nothing",
      ).toEqual([status, 0]);
    },
  );
});
