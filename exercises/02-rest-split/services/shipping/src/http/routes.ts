import { Router } from "express";
import { validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { assertSkuExists } from "../catalog-client.ts";
import { cancelFor, clearShipments, scheduleFor } from "../db/shipments.ts";
import { carrierQuote } from "../domain/shipping.ts";

const QuoteQuery = z.object({
  sku: z.string("is required").min(1, "is required"),
  qty: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100"),
});

export function shippingRoutes(db: PrismaClient, catalogUrl: string): Router {
  const router = Router();

  router.get("/api/shipping/quote", async (req, res) => {
    const { sku, qty } = validate(QuoteQuery, req.query);
    await assertSkuExists(catalogUrl, sku, String(req.id));
    res.json(carrierQuote(qty));
  });

  // For orders: shipments are now something you call. Both are naturally idempotent.
  router.put("/shipments/:orderId", async (req, res) => {
    await inTransaction(db, (tx) => scheduleFor(tx, req.params.orderId));
    res.status(204).end();
  });

  router.post("/shipments/:orderId/cancel", async (req, res) => {
    await inTransaction(db, (tx) => cancelFor(tx, req.params.orderId));
    res.status(204).end();
  });

  router.post("/admin/reset", async (_req, res) => {
    await clearShipments(db);
    res.status(204).end();
  });

  return router;
}
