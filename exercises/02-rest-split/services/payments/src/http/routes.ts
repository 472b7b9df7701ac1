import { Router } from "express";
import { InvalidInput, validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { cardNetwork, type CardNetwork } from "../card-network.ts";
import {
  clearPayments,
  completePayment,
  findPayment,
  refundOrder,
  startPayment,
} from "../db/payments.ts";
import { chargeKey, OrderRefunded, PaymentDeclined } from "../domain/payment.ts";

const ChargeBody = z.object({
  orderId: z.uuid("must be an order id"),
  amountCents: z.int().min(1),
  card: z.string().regex(/^\d{16}$/, "must be 16 digits"),
});

export function paymentsRoutes(db: PrismaClient, network: CardNetwork = cardNetwork(db)): Router {
  const router = Router();

  /**
   * Charges once per order, in three steps so that no transaction waits on the card network:
   * commit the PENDING payment; ask the network with the order's key; record its answer. A retry,
   * or the other instance, finds the PENDING payment and asks again with the same key, which the
   * network answers with its first result: never a second charge.
   */
  router.post("/payments", async (req, res) => {
    const { orderId, amountCents, card } = validate(ChargeBody, req.body);
    const key = req.get("Idempotency-Key");
    if (!key)
      throw new InvalidInput({
        "Idempotency-Key": "is required: a retried charge must not charge twice",
      });
    const command = { orderId, amountCents, card, requestKey: key };
    const started = await inTransaction(db, (tx) => startPayment(tx, command));
    if (started.status === "PENDING") {
      const result = await network.charge({
        idempotencyKey: chargeKey(orderId),
        amountCents,
        card,
      });
      await inTransaction(db, (tx) => completePayment(tx, started, result));
    }
    const payment = await findPayment(db, started.id);
    if (!payment) throw new PaymentDeclined(card.slice(-4));
    // its refund came while the network was charging: refunded at once, and refused
    if (payment.refundedAt) throw new OrderRefunded(orderId);
    req.log.info({ orderId, amountCents }, "charged");
    res.status(201).json(payment);
  });

  /** Naturally idempotent: a refunded order stays refunded once, even if its charge comes later. */
  router.post("/payments/:orderId/refund", async (req, res) => {
    await inTransaction(db, (tx) => refundOrder(tx, req.params.orderId));
    res.status(204).end();
  });

  router.post("/admin/reset", async (_req, res) => {
    await clearPayments(db);
    res.status(204).end();
  });

  return router;
}
