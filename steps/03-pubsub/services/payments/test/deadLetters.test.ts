// Exercise 03.5: dead letters, listed and replayed, on the real broker. The list tells how often
// each dead letter was tried, whoever parked it. A replay moves a dead letter back to its queue,
// and takes it off the .dlq only once the broker has confirmed the copy: a refused or lost
// republish leaves the dead letter where it was.
import { randomUUID } from "node:crypto";
import { Connection } from "rabbitmq-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_AMQP_URL, eventually } from "@shop/kit";
import { deleteQueue } from "../../../messaging/cleanup.ts";
import {
  deadLetterCounts,
  listDeadLetters,
  replayDeadLetters,
} from "../../../messaging/dead-letters.ts";
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
afterEach(() => connection.queuePurge({ queue: namespaced(`${queue}.dlq`) }));
afterAll(async () => {
  await connection.close();
  await shop.close();
});

const reservation = () =>
  envelope("inventory.stock-reserved", { orderId: randomUUID() }, { correlationId: "replay" });

/** Publishes a message straight to `target`, with these headers. */
async function send(target: string, message: object, headers: Record<string, unknown> = {}) {
  const publisher = connection.createPublisher({ confirm: true });
  await publisher.send({ routingKey: namespaced(target), durable: true, headers }, message);
  await publisher.close();
}

/** Parks a message in the queue's .dlq, as the consumer does after its last attempt. */
async function deadLetter() {
  const message = reservation();
  await send(`${queue}.dlq`, message, { "x-attempt": 7, "x-last-error": "no such order" });
  return message;
}

describe("listing dead letters", () => {
  it("When the consumer parked a message, then its attempts are one less than the next attempt it wrote", async () => {
    const message = reservation();
    await send(`${queue}.dlq`, message, { "x-attempt": 6, "x-last-error": "no such order" });

    const listed = (await listDeadLetters())[queue];

    expect(listed).toEqual([{ message, error: "no such order", attempts: 5 }]);
  });

  it("When the broker dead-lettered it (the consumer could not move it), then its attempts are the attempt it carried", async () => {
    // the consumer rejects a message on its 3rd attempt: the queue's dead-letter route takes it
    const message = reservation();
    await send(queue, message, { "x-attempt": 3, "x-last-error": "no such order" });
    const channel = await connection.acquire();
    const delivered = await channel.basicGet({ queue: namespaced(queue) });
    await channel.basicNack({ deliveryTag: delivered!.deliveryTag, requeue: false });
    await channel.close();

    const listed = await eventually(async () => {
      const found = (await listDeadLetters())[queue];
      expect(found).toHaveLength(1);
      return found;
    });

    expect(listed).toEqual([{ message, error: "no such order", attempts: 3 }]);
  });
});

describe("replaying dead letters", () => {
  it("When the queue takes the replayed message, then it is back in the queue and gone from the .dlq", async () => {
    const message = await deadLetter();

    const moved = await replayDeadLetters(queue);

    expect(moved.map((m) => m.id)).toEqual([message.id]);
    expect(await deadLetterCounts(), "a replayed message leaves the .dlq (ack it)").toEqual({});
    const back = await connection.basicGet({ queue: namespaced(queue), noAck: true });
    expect(back?.body, "back in the queue it came from, as it was").toEqual(message);
    expect(
      { durable: back?.durable, contentType: back?.contentType, messageId: back?.messageId },
      "a copy like the original: durable (it outlives a broker restart), JSON, its own id",
    ).toEqual({ durable: true, contentType: "application/json", messageId: message.id });
    expect(
      back?.headers?.["x-attempt"],
      "a replay is a fresh round of attempts: leave the old attempt count behind",
    ).toBeUndefined();
    expect(
      shop.seen,
      "to the queue it came from, not the exchange: the other subscribers had it already",
    ).toEqual([]);
  });

  it("When two dead letters wait, then both go back, the older first", async () => {
    const older = await deadLetter();
    const newer = await deadLetter();

    const moved = await replayDeadLetters(queue);

    expect(
      moved.map((m) => m.id),
      "every dead letter of the queue, in the order parked",
    ).toEqual([older.id, newer.id]);
    for (const expected of [older, newer]) {
      const back = await connection.basicGet({ queue: namespaced(queue), noAck: true });
      expect(back?.body).toEqual(expected);
    }
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

    const outcome = await replayDeadLetters(queue).then(() => "replayed", String);

    expect(outcome, "a copy the broker refused is an error").not.toBe("replayed");
    expect(
      await deadLetterCounts(),
      "take it off the .dlq only once the broker confirmed its copy: publish, then ack",
    ).toEqual({ [queue]: 1 });
  });
});
