import { Router } from "express";
import { InvalidInput, validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { chargeCard, clearPayments, refundOrder } from "../db/payments.ts";

const ChargeBody = z.object({
  orderId: z.uuid("must be an order id"),
  amountCents: z.int().min(1),
  card: z.string().regex(/^\d{16}$/, "must be 16 digits"),
});

export function paymentsRoutes(db: PrismaClient): Router {
  const router = Router();

  router.post("/payments", async (req, res) => {
    const { orderId, amountCents, card } = validate(ChargeBody, req.body);
    const key = req.get("Idempotency-Key");
    if (!key) throw new InvalidInput({ "Idempotency-Key": "is required: a retried charge must not charge twice" });
    const payment = await inTransaction(db, (tx) => chargeCard(tx, orderId, amountCents, card, key));
    req.log.info({ orderId, amountCents }, "charged");
    res.status(201).json(payment);
  });

  /** Naturally idempotent: a refunded payment stays refunded once. */
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
