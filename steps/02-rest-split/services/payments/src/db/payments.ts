import { randomUUID } from "node:crypto";
import type { Db } from "../../prisma/client.ts";
import type { ChargeResult } from "../card-network.ts";
import {
  OrderRefunded,
  pendingPayment,
  type Payment,
  type PaymentStatus,
} from "../domain/payment.ts";

/** A row as the domain sees it: status holds only what this module writes. */
const asPayment = <Row extends { status: string }>(row: Row) =>
  row as Row & { status: PaymentStatus };

export interface ChargeCommand {
  orderId: string;
  amountCents: number;
  card: string;
  requestKey: string;
}

/**
 * Before the card network is asked: the PENDING payment, committed, or the payment an earlier
 * request made (a retry, the other instance), which counts one more attempt. Refused once the
 * order has been refunded.
 */
export async function startPayment(db: Db, command: ChargeCommand): Promise<Payment> {
  const { orderId, amountCents, card, requestKey } = command;
  // One statement, and the transaction's first (see inTransaction): of two instances, one
  // creates the payment and the other finds it.
  const payment = await db.payment.upsert({
    where: { requestKey },
    create: {
      ...pendingPayment({ paymentId: randomUUID(), orderId, amountCents, card }),
      requestKey,
    },
    update: { attempts: { increment: 1 } },
  });
  if (await db.refund.findUnique({ where: { orderId } })) throw new OrderRefunded(orderId);
  return asPayment(payment);
}

/**
 * The card network's answer, recorded once: approved, the payment is SUCCEEDED; declined, there is
 * no payment (the network keeps the decline). False when an earlier request recorded it already.
 * A refund that came while the network was charging is made at once.
 */
export async function completePayment(
  db: Db,
  payment: Payment,
  result: ChargeResult,
  now = new Date(),
): Promise<boolean> {
  const { id, orderId } = payment;
  const { count } =
    result === "approved"
      ? await db.payment.updateMany({
          where: { id, status: "PENDING" },
          data: { status: "SUCCEEDED" },
        })
      : await db.payment.deleteMany({ where: { id, status: "PENDING" } });
  if (
    count === 1 &&
    result === "approved" &&
    (await db.refund.findUnique({ where: { orderId } }))
  ) {
    await db.payment.update({ where: { id }, data: { refundedAt: now } });
  }
  return count === 1;
}

/** The payment as it is now; null once its card was declined. */
export async function findPayment(db: Db, id: string): Promise<Payment | null> {
  const payment = await db.payment.findUnique({ where: { id } });
  return payment && asPayment(payment);
}

/**
 * Refunds the order once, and records the refund even when no payment exists yet: a charge that
 * comes after it is refused, and one at the card network now is refunded as it completes. A
 * PENDING payment is refunded too: the instance that asked the network may have died before it
 * wrote the answer down, and the refund (by the same key) must not wait for an answer that never comes.
 */
export async function refundOrder(db: Db, orderId: string, now = new Date()): Promise<void> {
  await db.payment.updateMany({
    where: { orderId, status: { in: ["SUCCEEDED", "PENDING"] }, refundedAt: null },
    data: { refundedAt: now },
  });
  await db.refund.upsert({ where: { orderId }, create: { orderId, requestedAt: now }, update: {} });
}

/** Payments' own tables; the card network's records (CardNetworkCharge) are not ours to reset. */
export async function clearPayments(db: Db): Promise<void> {
  await db.refund.deleteMany();
  await db.payment.deleteMany();
}
