// Exercise 03.7: cancel as an event, payments' side, on its real database: a cancelled order's
// payment is refunded once and the refund is announced; a payment that never went through is
// neither refunded nor announced.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDataDir } from "@shop/kit/testing";
import { readMessage } from "../../../messaging/contracts.ts";
import { envelope, type Envelope } from "../../../messaging/envelope.ts";
import { inTransaction, openDatabase, type PrismaClient } from "../prisma/client.ts";
import { refundCancelled } from "../src/messaging/handlers.ts";

let db: PrismaClient;
beforeEach(() => {
  db = openDatabase(freshDataDir("ex-03-8-payments-"));
});
afterEach(() => db.$disconnect());

async function aPayment(orderId: string, status: "PENDING" | "SUCCEEDED") {
  await db.payment.create({
    data: { id: randomUUID(), orderId, amountCents: 2598, cardLast4: "4242", status },
  });
}
const cancelled = (orderId: string) =>
  envelope("orders.order-cancelled", { orderId }, { correlationId: "c-03.7" });
const refundCancelledOnce = (message: ReturnType<typeof cancelled>) =>
  inTransaction(db, (tx) => refundCancelled(tx, message));
const announced = async () =>
  (await db.outboxMessage.findMany({ orderBy: { position: "asc" } })).map(
    (row) => JSON.parse(row.body) as Envelope,
  );
const refundedAt = async (orderId: string) =>
  (await db.payment.findUnique({ where: { orderId } }))?.refundedAt ?? null;

describe("refundCancelled, payments' side of a cancel", () => {
  it("When a paid order is cancelled, then its payment is refunded and the refund announced", async () => {
    const orderId = randomUUID();
    await aPayment(orderId, "SUCCEEDED");

    const cancel = cancelled(orderId);
    await refundCancelledOnce(cancel);

    expect(await refundedAt(orderId), "payments refunds the charge").toBeInstanceOf(Date);
    const events = await announced();
    expect(events.length, "payments says it refunded: one event in its outbox").toBe(1);
    const [event] = events as [Envelope];
    expect(
      readMessage(JSON.parse(JSON.stringify(event)), [event.type as never]),
      "the refund's event fits a contract of messaging/contracts.ts",
    ).toMatchObject({ ok: true });
    expect(event, "the refund's event names the order, and follows the cancel").toMatchObject({
      data: { orderId },
      correlationId: "c-03.7",
      causationId: cancel.id,
    });
    expect(event.type, "payments announces what it did, not the cancel again").toMatch(
      /^payments\./,
    );
  });

  it("When a second cancel of the same order arrives, then nothing more is refunded or announced", async () => {
    const orderId = randomUUID();
    await aPayment(orderId, "SUCCEEDED");
    await refundCancelledOnce(cancelled(orderId));
    const first = await refundedAt(orderId);

    await refundCancelledOnce(cancelled(orderId)); // another message: the inbox lets it in

    expect(await refundedAt(orderId), "refund a payment once: keep its first refund").toEqual(
      first,
    );
    expect(
      (await announced()).length,
      "refund a payment once: announce only a refund that happened",
    ).toBe(1);
  });

  it.each([
    ["whose card was declined (no payment)", undefined],
    ["whose charge is still at the card network", "PENDING" as const],
  ])("When an order %s is cancelled, then nothing is refunded or announced", async (_, status) => {
    const orderId = randomUUID();
    if (status) await aPayment(orderId, status);

    await refundCancelledOnce(cancelled(orderId));

    expect(
      [await refundedAt(orderId), (await announced()).length],
      "refund only a payment that went through; announce only a refund that happened",
    ).toEqual([null, 0]);
  });
});
