import { randomUUID } from "node:crypto";
import type { Db } from "../../prisma/client.ts";
import { charge, refund, type Payment } from "../domain/payment.ts";

/** Remembers what to charge for an order, learned from orders.order-placed. */
export async function rememberCharge(db: Db, orderId: string, amountCents: number, card: string): Promise<void> {
  await db.pendingCharge.upsert({ where: { orderId }, create: { orderId, amountCents, card }, update: {} });
}

export class ChargeNotKnownYet extends Error {
  constructor(orderId: string) {
    // the stock event overtook the order event: a retry a moment later finds it
    super(`No pending charge for order ${orderId} yet`);
  }
}

/** Charges the order once: the payment, or PaymentDeclined. */
export async function chargeOrder(db: Db, orderId: string): Promise<Payment> {
  const existing = await db.payment.findUnique({ where: { orderId } });
  if (existing) return existing;
  const pending = await db.pendingCharge.findUnique({ where: { orderId } });
  if (!pending) throw new ChargeNotKnownYet(orderId);
  const payment = charge({ paymentId: randomUUID(), orderId, amountCents: pending.amountCents, card: pending.card });
  await db.payment.create({ data: payment });
  await db.pendingCharge.delete({ where: { orderId } });
  return payment;
}

export async function refundOrder(db: Db, orderId: string, now = new Date()): Promise<boolean> {
  const payment = await db.payment.findUnique({ where: { orderId } });
  if (!payment || payment.refundedAt) return false;
  await db.payment.update({ where: { orderId }, data: { refundedAt: refund(payment, now).refundedAt } });
  return true;
}

export async function clearPayments(db: Db): Promise<void> {
  await db.pendingCharge.deleteMany();
  await db.payment.deleteMany();
}
