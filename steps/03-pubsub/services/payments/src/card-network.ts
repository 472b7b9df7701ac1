// The card network, an adapter at the edge: one call that charges a card. It is never called
// inside one of our transactions: a charge cannot be rolled back, and no transaction should wait
// on a network. It is slow in real life, and PAYMENT_DELAY_MS makes its answer slow on purpose:
// the card is charged by then, so that wait is where a crash or a timeout leaves a charge made
// and not yet recorded by us.
//
// A real provider remembers each idempotency key and answers a repeated request with its first
// result, so a retried charge is never a second one. For the workshop, the provider's memory is
// a table in payments' database (CardNetworkCharge), written on its own, outside payments'
// transactions, as the provider's records would be: it stands in for the remote provider.
import type { PrismaClient } from "../prisma/client.ts";

/** The card networks' well-known "always declined" test number. */
export const DECLINED_CARD = "4000000000000002";

export interface ChargeRequest {
  idempotencyKey: string;
  amountCents: number;
  card: string;
}

export type ChargeResult = "approved" | "declined";

export interface CardNetwork {
  charge(request: ChargeRequest): Promise<ChargeResult>;
}

export function cardNetwork(provider: PrismaClient): CardNetwork {
  return {
    async charge({ idempotencyKey, amountCents, card }) {
      // One statement: the first request with a key charges; a later one is counted and gets its answer.
      const approved = card !== DECLINED_CARD;
      const charge = await provider.cardNetworkCharge.upsert({
        where: { idempotencyKey },
        create: { idempotencyKey, amountCents, cardLast4: card.slice(-4), approved },
        update: { requests: { increment: 1 } },
      });
      const ms = Number(process.env.PAYMENT_DELAY_MS ?? 0);
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      return charge.approved ? "approved" : "declined";
    },
  };
}
