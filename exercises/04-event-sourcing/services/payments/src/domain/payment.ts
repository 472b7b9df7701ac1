// Payment rules: a charge per order, refundable once. A test card always declines.
export interface Payment {
  id: string;
  orderId: string;
  amountCents: number;
  cardLast4: string;
  refundedAt: Date | null;
}

export interface ChargeRequest {
  paymentId: string;
  orderId: string;
  amountCents: number;
  card: string;
}

/** The card networks' well-known "always declined" test number. */
export const DECLINED_CARD = "4000000000000002";

export class PaymentDeclined extends Error {
  readonly code = "PAYMENT_DECLINED";
  constructor(readonly cardLast4: string) {
    super(`The card ending in ${cardLast4} was declined`);
  }
}

export function charge({ paymentId, orderId, amountCents, card }: ChargeRequest): Payment {
  const cardLast4 = card.slice(-4);
  if (card === DECLINED_CARD) throw new PaymentDeclined(cardLast4);
  return { id: paymentId, orderId, amountCents, cardLast4, refundedAt: null };
}

export function refund(payment: Payment, now: Date): Payment {
  return payment.refundedAt ? payment : { ...payment, refundedAt: now };
}
