import { randomUUID } from "node:crypto";
import type { Db } from "../../prisma/client.ts";
import type { ChargeResult } from "../card-network.ts";
import { pendingPayment, type Payment, type PaymentStatus } from "../domain/payment.ts";

/** A row as the domain sees it: status holds only what this module writes. */
const asPayment = <Row extends { status: string }>(row: Row) =>
  row as Row & { status: PaymentStatus };

/** Remembers what to charge for an order, learned from orders.order-placed. */
export async function rememberCharge(
  db: Db,
  orderId: string,
  amountCents: number,
  card: string,
): Promise<void> {
  await db.pendingCharge.upsert({
    where: { orderId },
    create: { orderId, amountCents, card },
    update: {},
  });
}

/** Remembers that the order's stock is held, learned from inventory.stock-reserved. */
export async function rememberReservation(db: Db, orderId: string): Promise<void> {
  await db.reservedStock.upsert({ where: { orderId }, create: { orderId }, update: {} });
}

/**
 * Before the card network is asked: the PENDING payment, committed, once both facts are in (what
 * to charge, and the stock held), whichever came first; a later attempt finds it and counts one
 * more. False while a fact is missing, and once the network's answer is recorded.
 */
export async function startPayment(db: Db, orderId: string): Promise<boolean> {
  const pending = await db.pendingCharge.findUnique({ where: { orderId } });
  const reserved = await db.reservedStock.findUnique({ where: { orderId } });
  if (!pending || !reserved) return false;
  const payment = await db.payment.findUnique({ where: { orderId } });
  if (payment && payment.status !== "PENDING") return false; // a fact came again: answered already
  const { amountCents, card } = pending;
  await db.payment.upsert({
    where: { orderId },
    create: pendingPayment({ paymentId: randomUUID(), orderId, amountCents, card }),
    update: { attempts: { increment: 1 } },
  });
  return true;
}

export interface ChargeToMake {
  payment: Payment;
  card: string;
}

/** The order's payment still waiting for the card network's answer, with the card; null if none is. */
export async function chargeToMake(db: Db, orderId: string): Promise<ChargeToMake | null> {
  const payment = await db.payment.findFirst({ where: { orderId, status: "PENDING" } });
  const pending = await db.pendingCharge.findUnique({ where: { orderId } });
  return payment && pending ? { payment: asPayment(payment), card: pending.card } : null;
}

/**
 * The card network's answer, recorded once: approved, the payment is SUCCEEDED; declined, there is
 * no payment (the network keeps the decline). False when an earlier attempt recorded it already.
 */
export async function completePayment(
  db: Db,
  payment: Payment,
  result: ChargeResult,
): Promise<boolean> {
  const { id, orderId } = payment;
  const { count } =
    result === "approved"
      ? await db.payment.updateMany({
          where: { id, status: "PENDING" },
          data: { status: "SUCCEEDED" },
        })
      : await db.payment.deleteMany({ where: { id, status: "PENDING" } });
  if (count === 1) {
    await db.pendingCharge.delete({ where: { orderId } });
    await db.reservedStock.deleteMany({ where: { orderId } });
  }
  return count === 1;
}

/** Refunds the order's payment once; false when there was nothing (more) to refund. */
export async function refundOrder(db: Db, orderId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.payment.updateMany({
    where: { orderId, status: "SUCCEEDED", refundedAt: null },
    data: { refundedAt: now },
  });
  return count === 1;
}

/** Payments' own tables; the card network's records (CardNetworkCharge) are not ours to reset. */
export async function clearPayments(db: Db): Promise<void> {
  await db.pendingCharge.deleteMany();
  await db.reservedStock.deleteMany();
  await db.payment.deleteMany();
}
