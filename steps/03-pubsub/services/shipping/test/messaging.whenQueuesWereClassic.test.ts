// Queues are quorum queues now; a broker that an earlier version ran on still holds classic ones
// under the same names, and RabbitMQ refuses to declare a queue again with another type.
import { randomBytes, randomUUID } from "node:crypto";
import { Connection } from "rabbitmq-client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_AMQP_URL, eventually } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { deleteTopology } from "../../../messaging/cleanup.ts";
import { asClassic, type Declaration } from "../../../messaging/declare.ts";
import { envelope, type Envelope } from "../../../messaging/envelope.ts";
import {
  currentNamespace,
  QUEUES,
  queueTopology,
  type QueueName,
} from "../../../messaging/topology.ts";
import { quiet } from "../../../test/support/broker.ts";

let link: Connection;
beforeAll(() => {
  link = new Connection({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL });
});
beforeEach(() => {
  process.env.SHOP_NAMESPACE = `test-${randomBytes(4).toString("hex")}.`;
});
afterEach(() => deleteTopology(currentNamespace()));
afterAll(() => link.close());

/** Every queue of `name` as the version before quorum queues declared it. */
async function declareClassic(name: QueueName) {
  for (const queue of queueTopology(name).queues) await link.queueDeclare(asClassic(queue));
}

/** Whether the queue is a quorum queue: only then does a quorum declaration of it succeed. */
const isQuorum = (declaration: Declaration) =>
  link.queueDeclare(declaration).then(
    () => true,
    () => false,
  );

const confirmed = () =>
  envelope(
    "orders.order-confirmed",
    { orderId: randomUUID(), lines: [{ sku: "MUG-001", qty: 1, unitPriceCents: 1200 }] },
    { correlationId: "classic-queues" },
  );

describe("queues an earlier version declared classic", () => {
  it("When such a queue is empty, then a service replaces it with a quorum queue", async () => {
    await declareClassic("shipping.order-confirmed");

    const shipping = await connectBroker("shipping", quiet);
    await shipping.close();

    const { main, dlq } = queueTopology("shipping.order-confirmed");
    expect(await isQuorum(main), "the main queue").toBe(true);
    expect(await isQuorum(dlq), "its .dlq").toBe(true);
  });

  it("When such a queue still holds a message, then it is kept and the message is handled", async () => {
    const name = "shipping.order-confirmed";
    await declareClassic(name);
    const waiting = confirmed();
    const publisher = link.createPublisher({ confirm: true });
    await publisher.send({ routingKey: queueTopology(name).main.queue, durable: true }, waiting);
    await publisher.close();

    const shipping = await connectBroker("shipping", quiet);
    try {
      const received: Envelope[] = [];
      await shipping.consume(name, async (m) => void received.push(m));
      await eventually(() => expect(received.map((m) => m.id)).toEqual([waiting.id]));
    } finally {
      await shipping.close();
    }
    expect(await isQuorum(queueTopology(name).main), "kept classic until it drains").toBe(false);
  });
});
