// A replay moves a dead letter back to its queue. It takes the letter off the .dlq only once the
// broker has confirmed the copy: a refused or lost republish leaves the dead letter where it was.
import { randomUUID } from "node:crypto";
import { Connection } from "rabbitmq-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_AMQP_URL } from "@shop/kit";
import { deleteQueue } from "../../../messaging/cleanup.ts";
import { deadLetterCounts, replayDeadLetters } from "../../../messaging/dead-letters.ts";
import { envelope } from "../../../messaging/envelope.ts";
import { namespaced } from "../../../messaging/topology.ts";
import { testBroker, type TestBroker } from "../../../test/support/broker.ts";

const queue = "payments.order-events";
let shop: TestBroker;
let connection: Connection;
beforeAll(async () => {
  shop = await testBroker();
  connection = new Connection({
    url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
    connectionName: "test-replay",
  });
});
afterAll(async () => {
  await connection.close();
  await shop.close();
});

/** Parks a message in the queue's .dlq, as the consumer does after its last attempt. */
async function deadLetter() {
  const message = envelope(
    "inventory.stock-reserved",
    { orderId: randomUUID() },
    { correlationId: "replay" },
  );
  const publisher = connection.createPublisher({ confirm: true });
  await publisher.send({ routingKey: namespaced(`${queue}.dlq`), durable: true }, message);
  await publisher.close();
  return message;
}

describe("replaying dead letters", () => {
  it("When the queue takes the replayed message, then it is back in the queue and gone from the .dlq", async () => {
    const message = await deadLetter();

    const moved = await replayDeadLetters(queue);

    expect(moved.map((m) => m.id)).toEqual([message.id]);
    expect(await deadLetterCounts()).toEqual({});
    const back = await connection.basicGet({ queue: namespaced(queue), noAck: true });
    expect(back?.body).toEqual(message);
  });

  it("When the broker refuses the replayed message, then the replay fails and the dead letter stays in the .dlq", async () => {
    // the queue replaced by one that refuses every message: the broker nacks the republish
    await deleteQueue(namespaced(queue));
    await connection.queueDeclare({
      queue: namespaced(queue),
      durable: true,
      arguments: { "x-max-length": 0, "x-overflow": "reject-publish" },
    });
    await deadLetter();

    await expect(replayDeadLetters(queue)).rejects.toThrow();

    expect(await deadLetterCounts()).toEqual({ [queue]: 1 });
  });
});
