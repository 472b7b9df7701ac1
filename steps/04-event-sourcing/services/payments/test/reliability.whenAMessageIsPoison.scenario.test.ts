// A message that keeps failing must not block its queue: after MAX_ATTEMPTS it is parked in the
// queue's .dlq, the flow goes on, and once the cause is fixed it can be replayed. A message that
// breaks its contract can never succeed: it is parked at once, with what is wrong with it.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import {
  deadLetterCounts,
  listDeadLetters,
  replayDeadLetters,
} from "../../../messaging/dead-letters.ts";
import { envelope } from "../../../messaging/envelope.ts";
import { quiet } from "../../../test/support/broker.ts";
import { GOOD_CARD, setMessagingFaults, useShop } from "../../../test/support/shop.ts";

// a quick dead letter: 6 attempts in ~1 s
const shop = useShop({ env: { payments: { RETRY_DELAY_MS: "200" } } });
/** The named fault: every payments handler throws for this long (0: no more). */
const failHandlersFor = (ms: number) =>
  setMessagingFaults(shop.service("payments").url, { failForMs: ms });

describe("payments, when a message keeps failing", () => {
  it("When payments' handlers fail for longer than the retries last, then the message is dead-lettered, the flow continues, and a replay once they are back charges it", async () => {
    process.env.SHOP_NAMESPACE = shop.namespace;
    const broker = await connectBroker("test", quiet);
    try {
      // Arrange: payments' handlers fail (its dependency down) until told otherwise
      const orderId = "99999999-9999-4999-8999-999999999999";
      await failHandlersFor(60_000);
      await broker.publish(
        envelope("inventory.stock-reserved", { orderId }, { correlationId: "poison" }),
      );

      // Act and assert: it ends in the dead-letter queue after its attempts...
      await eventually(
        async () => expect(await deadLetterCounts()).toEqual({ "payments.order-events": 1 }),
        { timeout: 15_000 },
      );
      // ...and says why it failed (what `npm run dead-letters` prints)
      const [letter] = (await listDeadLetters())["payments.order-events"]!;
      expect(letter).toMatchObject({
        message: { type: "inventory.stock-reserved" },
        error: expect.stringContaining("failing on purpose"),
        attempts: 6, // MAX_ATTEMPTS
      });
      // ...while, once the handlers are back, the queue keeps flowing
      await failHandlersFor(0);
      const { body } = await shop.api.post("/api/orders", {
        lines: [{ sku: "MUG-001", qty: 1 }],
        card: GOOD_CARD,
      });
      await shop.statusOf(body.id, "CONFIRMED");

      // The parked reservation's order comes; then the dead letter is replayed
      await broker.publish(
        envelope(
          "orders.order-placed",
          {
            orderId,
            lines: [{ sku: "MUG-001", qty: 1, unitPriceCents: 500 }],
            totalCents: 500,
            card: GOOD_CARD,
          },
          { correlationId: "poison" },
        ),
      );
      const moved = await replayDeadLetters("payments.order-events");

      expect(moved.map((m) => m.type)).toEqual(["inventory.stock-reserved"]);
      await eventually(() =>
        expect(shop.snapshot().Payment).toContainEqual(
          expect.objectContaining({ orderId, amountCents: 500 }),
        ),
      );
      expect(await deadLetterCounts()).toEqual({});
    } finally {
      await failHandlersFor(0);
      await broker.close();
    }
  }, 60_000);

  it("When a message breaks its contract, then it is dead-lettered at its first attempt, naming the wrong field, and never retried", async () => {
    process.env.SHOP_NAMESPACE = shop.namespace;
    const broker = await connectBroker("test", quiet);
    try {
      // Arrange: a producer's bug, a reservation without its order id
      const valid = envelope(
        "inventory.stock-reserved",
        { orderId: "o-1" },
        { correlationId: "contract" },
      );
      await broker.publish({ ...valid, data: { order: "o-1" } });

      // Act and assert: parked with the reason, after one attempt
      await eventually(async () =>
        expect(await deadLetterCounts()).toEqual({ "payments.order-events": 1 }),
      );
      const [letter] = (await listDeadLetters())["payments.order-events"]!;
      expect(letter).toMatchObject({
        attempts: 1,
        error:
          "inventory.stock-reserved breaks its contract: data.orderId: Invalid input: expected string, received undefined",
      });
    } finally {
      await broker.close();
    }
  });
});
