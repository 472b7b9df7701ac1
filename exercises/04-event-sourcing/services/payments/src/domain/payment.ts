// Payment rules: one payment per order, PENDING until the card network answers, refundable once.
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

/** The payment before the card network is asked: only the last four digits are kept. */
export function pendingPayment({ paymentId, orderId, amountCents, card }: ChargeRequest): Payment {
  const cardLast4 = card.slice(-4);
  return { id: paymentId, orderId, amountCents, cardLast4, status: "PENDING", refundedAt: null };
}

/** The key the card network remembers: one charge per order, however often it is asked. */
export const chargeKey = (orderId: string) => `charge-${orderId}`;
