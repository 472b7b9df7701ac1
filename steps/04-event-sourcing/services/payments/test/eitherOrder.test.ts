// Payments needs two facts before it charges: what to charge (orders.order-placed) and that the
// stock is held (inventory.stock-reserved). With several payments instances on one queue, each
// takes the next message: the two facts of one order are handled side by side, or in the other
// order. Whichever comes second starts the charge, and the card is charged once.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDataDir } from "@shop/kit/testing";
import type { Message } from "../../../messaging/contracts.ts";
import { envelope, type Envelope } from "../../../messaging/envelope.ts";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";
import { cardNetwork, type CardNetwork } from "../src/card-network.ts";
import { paymentsHandlers } from "../src/messaging/handlers.ts";

let db: PrismaClient;
let asked: number;
let handle: ReturnType<typeof paymentsHandlers>;
beforeEach(() => {
  db = openDatabase(freshDataDir("payments-either-order-"));
  asked = 0;
  const network = cardNetwork(db);
  const counting: CardNetwork = { charge: (request) => (asked++, network.charge(request)) };
  handle = paymentsHandlers(db, counting);
});
afterEach(() => db.$disconnect());

const trace = { correlationId: "either-order" };
const placed = (orderId: string) =>
  envelope(
    "orders.order-placed",
    {
      orderId,
      lines: [{ sku: "MUG-001", qty: 2, unitPriceCents: 1299 }],
      totalCents: 2598,
      card: "4242424242424242",
    },
    trace,
  ) as Message<"orders.order-placed">;
const reserved = (orderId: string) =>
  envelope("inventory.stock-reserved", { orderId }, trace) as Message<"inventory.stock-reserved">;

const announced = async () =>
  (await db.outboxMessage.findMany({ orderBy: { position: "asc" } })).map(
    (row) => (JSON.parse(row.body) as Envelope).type,
  );
const charges = () => db.cardNetworkCharge.findMany();

describe("payments, whichever fact comes first", () => {
  it("When the stock is reserved before payments hears of the order, then it waits, and charges once the order comes", async () => {
    const orderId = randomUUID();

    await expect(
      handle(reserved(orderId)),
      "an early fact is kept, not a failure",
    ).resolves.not.toThrow();
    expect(asked, "nothing to charge yet: the amount comes with the order").toBe(0);

    await handle(placed(orderId));

    expect(asked, "the second fact starts the charge").toBe(1);
    expect(await announced()).toEqual(["payments.payment-succeeded"]);
    expect(await db.payment.findUnique({ where: { orderId } })).toMatchObject({
      status: "SUCCEEDED",
      amountCents: 2598,
    });
  });

  it("When the order comes first, as on one queue with one consumer, then the reservation starts the charge", async () => {
    const orderId = randomUUID();

    await handle(placed(orderId));
    expect(asked, "the stock is not held yet: no charge").toBe(0);
    await handle(reserved(orderId));

    expect(asked).toBe(1);
    expect(await announced()).toEqual(["payments.payment-succeeded"]);
  });

  it("When both facts are handled at once, then the card is charged once and one outcome announced", async () => {
    process.env.PAYMENT_DELAY_MS = "50"; // both flows reach the card network before either records its answer
    try {
      const orderIds = Array.from({ length: 5 }, () => randomUUID());

      await Promise.all(orderIds.flatMap((id) => [handle(reserved(id)), handle(placed(id))]));

      const payments = await db.payment.findMany({ where: { orderId: { in: orderIds } } });
      expect(
        payments.map((p) => p.status),
        "one payment per order, answered",
      ).toEqual(orderIds.map(() => "SUCCEEDED"));
      expect(await announced(), "one outcome per order").toEqual(
        orderIds.map(() => "payments.payment-succeeded"),
      );
    } finally {
      delete process.env.PAYMENT_DELAY_MS;
    }
  });

  it("When a fact comes again (a redelivery), then no second charge and no second outcome", async () => {
    const orderId = randomUUID();
    const [order, stock] = [placed(orderId), reserved(orderId)];
    await handle(order);
    await handle(stock);

    await handle(stock);
    await handle(order);

    expect((await charges()).map((c) => c.requests)).toEqual([1]);
    expect(await announced()).toEqual(["payments.payment-succeeded"]);
  });

  it("When both facts come again as new messages (a replayed dead letter) after the charge, then it is not started again", async () => {
    const orderId = randomUUID();
    await handle(placed(orderId));
    await handle(reserved(orderId));

    await handle(reserved(orderId));
    await handle(placed(orderId));

    const payment = await db.payment.findUnique({ where: { orderId } });
    expect(payment, "an answered payment is not picked up again").toMatchObject({
      status: "SUCCEEDED",
      attempts: 1,
    });
    expect(asked).toBe(1);
    expect(await announced()).toEqual(["payments.payment-succeeded"]);
  });
});
