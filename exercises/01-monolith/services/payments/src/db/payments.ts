import { randomUUID } from "node:crypto";
import type { Db } from "../../../../prisma/client.ts";
import { cardNetworkDelay } from "../card-network.ts";
import { charge, refund, type Payment } from "../domain/payment.ts";

export async function chargeCard(
  db: Db,
  orderId: string,
  amountCents: number,
  card: string,
): Promise<Payment> {
  await cardNetworkDelay();
  const payment = charge({ paymentId: randomUUID(), orderId, amountCents, card });
  await db.payment.create({ data: payment });
  return payment;
}

export async function refundOrder(db: Db, orderId: string, now = new Date()): Promise<void> {
  const payment = await db.payment.findUnique({ where: { orderId } });
  if (!payment) return;
  await db.payment.update({
    where: { orderId },
    data: { refundedAt: refund(payment, now).refundedAt },
  });
}

export async function clearPayments(db: Db): Promise<void> {
  await db.payment.deleteMany();
}
