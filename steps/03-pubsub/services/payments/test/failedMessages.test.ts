// Exercise 03.6: poison or transient, on the real broker: a handler that fails once sees its
// message again, a message that breaks its contract is parked before any handler sees it, and a
// message whose last attempt fails is parked with its error while the queue moves on.
import { randomUUID } from "node:crypto";
import { Connection } from "rabbitmq-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_AMQP_URL, eventually } from "@shop/kit";
import { recordingLogger } from "@shop/kit/testing";
import { ATTEMPT_HEADER } from "../../../messaging/broker.ts";
import { listDeadLetters } from "../../../messaging/dead-letters.ts";
import { envelope, type Envelope } from "../../../messaging/envelope.ts";
import { MAX_ATTEMPTS } from "../../../messaging/failures.ts";
import { EXCHANGE, namespaced } from "../../../messaging/topology.ts";
import { testBroker, type TestBroker } from "../../../test/support/broker.ts";

const queue = "payments.order-events";
let shop: TestBroker;
let connection: Connection;
/** Every message the handler was given, and what it does with the next one. */
let seen: Envelope[];
let fails: (message: Envelope, call: number) => boolean;
let log: ReturnType<typeof recordingLogger>;

beforeEach(async () => {
  log = recordingLogger("test");
  shop = await testBroker(log.logger);
  connection = new Connection({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL });
  seen = [];
  await shop.broker.consume(queue, async (message) => {
    seen.push(message);
    if (fails(message, seen.length))
      throw new Error(`no payment for order ${message.data.orderId}`);
  });
});
afterEach(async () => {
  await connection.close();
  await shop.close();
});

const reservation = () =>
  envelope("inventory.stock-reserved", { orderId: randomUUID() }, { correlationId: "c-03.6" });

/** Publishes a body as a producer with a bug might: to the exchange, or straight to the queue. */
async function send(body: object, to: { routingKey: string; exchange?: string }, headers = {}) {
  const publisher = connection.createPublisher({ confirm: true });
  await publisher.send({ ...to, durable: true, headers }, body);
  await publisher.close();
}

/** Waits for an assertion, and stops at once if the consumer itself failed (whatNext threw). */
const waitFor = <T>(assertion: () => T | Promise<T>) =>
  eventually(assertion, {
    timeout: 3_000,
    giveUpIf: () => {
      const failed = log.lines().find((line) => line.includes("consumer error"));
      return failed && `the consumer failed: ${JSON.parse(failed).err}`;
    },
  });

const parked = async () => (await listDeadLetters())[queue] ?? [];

describe("payments' queue, when a message is not handled", () => {
  it("When its handler fails once, then the message comes back and is handled, not parked", async () => {
    fails = (_message, call) => call === 1; // the order it needs was on its way
    const message = reservation();

    await shop.broker.publish(message);

    await waitFor(() =>
      expect(
        seen.map((m) => m.id),
        "a handler that threw may succeed later: retry it, do not dead-letter it",
      ).toEqual([message.id, message.id]),
    );
    expect(await parked(), "handled the second time: nothing parked").toEqual([]);
  });

  it("When a message breaks its contract, then it is parked at its first attempt and no handler sees it", async () => {
    fails = () => false;
    const broken = { ...reservation(), data: {} }; // no orderId: a producer's bug

    await send(broken, { exchange: namespaced(EXCHANGE), routingKey: broken.type });

    await waitFor(async () =>
      expect(
        (await parked()).map((l) => [l.attempts, l.error.includes("orderId")]),
        "a message that breaks its contract is poison: dead-letter it at once, do not retry it",
      ).toEqual([[1, true]]),
    );
    expect(seen, "a handler only ever sees messages that fit their contract").toEqual([]);
  });

  it("When its last attempt fails, then it is parked with its error and the next message is handled", async () => {
    fails = (message) => message.id === last.id;
    const last = reservation();
    const next = reservation();

    // as the consumer sends it back before its last attempt
    await send(last, { routingKey: namespaced(queue) }, { [ATTEMPT_HEADER]: MAX_ATTEMPTS });
    await shop.broker.publish(next);

    await waitFor(async () =>
      expect(
        (await parked()).map((l) => [l.message.id, l.attempts, l.error]),
        "give up after MAX_ATTEMPTS: a message that never succeeds must not loop forever",
      ).toEqual([[last.id, MAX_ATTEMPTS, `no payment for order ${last.data.orderId}`]]),
    );
    await eventually(() =>
      expect(
        seen.map((m) => m.id),
        "the queue moves on past a parked message",
      ).toContain(next.id),
    );
  });
});
