// Payment rules: one payment per order, PENDING until the card network answers, refundable once.
// Once an order has been refunded, it is not charged again.
export type PaymentStatus = "PENDING" | "SUCCEEDED";

export interface Payment {
  id: string;
  orderId: string;
  amountCents: number;
  cardLast4: string;
  status: PaymentStatus;
  refundedAt: Date | null;
}

export interface ChargeRequest {
  paymentId: string;
  orderId: string;
  amountCents: number;
  card: string;
}

export class PaymentDeclined extends Error {
  readonly code = "PAYMENT_DECLINED";
  constructor(readonly cardLast4: string) {
    super(`The card ending in ${cardLast4} was declined`);
  }
}

export class OrderRefunded extends Error {
  readonly code = "ORDER_REFUNDED";
  constructor(readonly orderId: string) {
    super(`Order ${orderId} was refunded: it is not charged again`);
  }
  get details() {
    return { orderId: this.orderId };
  }
}

/** The payment before the card network is asked: only the last four digits are kept. */
export function pendingPayment({ paymentId, orderId, amountCents, card }: ChargeRequest): Payment {
  const cardLast4 = card.slice(-4);
  return { id: paymentId, orderId, amountCents, cardLast4, status: "PENDING", refundedAt: null };
}

/** The key the card network remembers: one charge per order, however often it is asked. */
export const chargeKey = (orderId: string) => `charge-${orderId}`;
