// Every service declares the step's whole topology when it connects: an event published before its
// consumer ever ran waits in the consumer's queue. An event that reaches no queue is an error for
// the publisher, and a failed message the consumer cannot move on is dead-lettered by the broker.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Connection } from "rabbitmq-client";
import { DEFAULT_AMQP_URL, eventually } from "@shop/kit";
import { recordingLogger } from "@shop/kit/testing";
import { ATTEMPT_HEADER, connectBroker, type Broker } from "../../../messaging/broker.ts";
import { deleteQueue, deleteTopology } from "../../../messaging/cleanup.ts";
import { deadLetterCounts } from "../../../messaging/dead-letters.ts";
import { envelope, type Envelope } from "../../../messaging/envelope.ts";
import { currentNamespace, namespaced, RETRY_QUEUES } from "../../../messaging/topology.ts";
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

  it("When a failed message comes with an attempt no wait fits (x-attempt 0), then it is parked, not sent to a retry queue that is not there", async () => {
    const queue = "catalog.snapshot-requested";
    const log = recordingLogger("catalog");
    const catalog = await connectBroker("catalog", log.logger);
    const link = new Connection({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL });
    try {
      await catalog.consume(queue, async () => {
        throw new Error("fails on purpose");
      });
      const odd = envelope("catalog.snapshot-requested", {}, trace);
      const publisher = link.createPublisher({ confirm: true });
      const headers = { [ATTEMPT_HEADER]: 0 }; // by hand, say: whatNext answers tier -1
      await publisher.send({ routingKey: namespaced(queue), headers }, odd);
      await publisher.close();

      await eventually(async () => expect(await deadLetterCounts()).toEqual({ [queue]: 1 }));
      expect(
        log.lines().filter((l) => l.includes("could not move")),
        "parked at once",
      ).toEqual([]);
    } finally {
      await link.close();
      await catalog.close();
    }
  });

  it("When a failed message cannot be moved to its retry queue, then the broker dead-letters it instead of losing it", async () => {
    const queue = "web.stock-changed";
    const web = await connectBroker("web", quiet);
    try {
      await web.consume(queue, async () => {
        throw new Error("fails on purpose");
      });
      // the retry queues vanish under the running consumer (deleted by hand, say)
      for (const name of RETRY_QUEUES) await deleteQueue(namespaced(name));

      await orders.publish(
        envelope("inventory.stock-changed", { sku: "MUG-001", available: 1, version: 1 }, trace),
      );

      await eventually(async () => expect((await deadLetterCounts())[queue]).toBe(1));
    } finally {
      await web.close();
    }
  });
});
