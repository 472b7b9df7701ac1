// Every service declares the step's whole topology when it connects: an event published before its
// consumer ever ran waits in the consumer's queue. An event that reaches no queue is an error for
// the publisher, and a failed message the consumer cannot move on is dead-lettered by the broker.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { connectBroker, type Broker } from "../../../messaging/broker.ts";
import { deleteQueue, deleteTopology } from "../../../messaging/cleanup.ts";
import { deadLetterCounts } from "../../../messaging/dead-letters.ts";
import { envelope, type Envelope } from "../../../messaging/envelope.ts";
import { currentNamespace, declaredNames, namespaced } from "../../../messaging/topology.ts";
import { quiet } from "../../../test/support/broker.ts";

let orders: Broker;
beforeAll(async () => {
  process.env.SHOP_NAMESPACE = `test-${randomBytes(4).toString("hex")}.`; // nothing of it on the broker yet
  orders = await connectBroker("orders", quiet);
});
afterAll(async () => {
  await orders.close();
  await deleteTopology(currentNamespace());
});

const trace = { correlationId: "late-consumer" };
const confirmed = () =>
  envelope(
    "orders.order-confirmed",
    { orderId: randomUUID(), lines: [{ sku: "MUG-001", qty: 1, unitPriceCents: 1200 }] },
    trace,
  );

describe("the broker topology, declared by every service", () => {
  it("When orders confirms an order before shipping ever connected, then shipping receives it once it starts", async () => {
    const message = confirmed();
    await orders.publish(message);

    const shipping = await connectBroker("shipping", quiet);
    try {
      const received: Envelope[] = [];
      await shipping.consume("shipping.order-confirmed", async (m) => void received.push(m));
      await eventually(() => expect(received.map((m) => m.id)).toEqual([message.id]));
    } finally {
      await shipping.close();
    }
  });

  it("When the queue of an event is gone, then publishing it fails instead of dropping it", async () => {
    await deleteQueue(namespaced("shipping.order-confirmed"));

    await expect(orders.publish(confirmed())).rejects.toThrow(/no queue/);
  });

  it("When a failed message cannot be moved to its retry queue, then the broker dead-letters it instead of losing it", async () => {
    const queue = "web.stock-changed";
    const web = await connectBroker("web", quiet);
    try {
      await web.consume(queue, async () => {
        throw new Error("fails on purpose");
      });
      // the retry queues vanish under the running consumer (deleted by hand, say)
      for (const name of declaredNames().queues.filter((q) =>
        q.startsWith(namespaced(`${queue}.retry`)),
      ))
        await deleteQueue(name);

      await orders.publish(
        envelope("inventory.stock-changed", { sku: "MUG-001", available: 1, version: 1 }, trace),
      );

      await eventually(async () => expect(await deadLetterCounts()).toEqual({ [queue]: 1 }));
    } finally {
      await web.close();
    }
  });
});
