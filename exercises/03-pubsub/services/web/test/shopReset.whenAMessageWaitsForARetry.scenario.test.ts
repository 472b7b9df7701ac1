// The tests' reset between two tests: a message that the previous test left waiting for a retry
// (here 5 s, then 30 s: orders hears of a payment for an order it never had) must neither hold
// the reset up until it gives up, nor land in the next test. It is dropped, as are dead letters.
import { randomUUID } from "node:crypto";
import { Connection } from "rabbitmq-client";
import { describe, expect, it } from "vitest";
import { DEFAULT_AMQP_URL, eventually } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { deadLetterCounts } from "../../../messaging/dead-letters.ts";
import { envelope } from "../../../messaging/envelope.ts";
import { RETRY_QUEUES } from "../../../messaging/topology.ts";
import { quiet } from "../../../test/support/broker.ts";
import { useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("the tests' reset", () => {
  it("When a message waits in a retry queue or a .dlq, then the reset drops it and succeeds", async () => {
    // Arrange: an outcome for an unknown order, failed twice, now waiting 5 s before its third try
    process.env.SHOP_NAMESPACE = shop.namespace;
    const broker = await connectBroker("test", quiet);
    const link = new Connection({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL });
    const waiting = async (tier: number) =>
      (
        await link.queueDeclare({
          queue: `${shop.brokerPrefix}${RETRY_QUEUES[tier]}`,
          passive: true,
        })
      ).messageCount;
    try {
      const orderId = randomUUID();
      await broker.publish(
        envelope(
          "payments.payment-succeeded",
          { orderId, paymentId: orderId, amountCents: 100 },
          { correlationId: "left-over" },
        ),
      );
      // (the retry queues are the step's, shared: another message may wait there too)
      await eventually(async () => expect(await waiting(2)).toBeGreaterThanOrEqual(1));
      // and a dead letter an earlier test parked
      const publisher = link.createPublisher({ confirm: true });
      await publisher.send({ routingKey: `${shop.brokerPrefix}orders.order-outcomes.dlq` }, {});
      await publisher.close();
      expect(await deadLetterCounts()).toEqual({ "orders.order-outcomes": 1 });

      // Act
      await shop.reset();

      // Assert: nothing left waiting to land later, nor parked for the next test to count
      expect(await Promise.all([0, 1, 2, 3].map(waiting))).toEqual([0, 0, 0, 0]);
      expect(await deadLetterCounts()).toEqual({});
    } finally {
      await link.close();
      await broker.close();
    }
  }, 60_000);
});
