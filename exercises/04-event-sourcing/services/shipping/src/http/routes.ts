import { Router } from "express";
import { validate } from "@shop/kit";
import { z } from "zod";
import type { PrismaClient } from "../../prisma/client.ts";
import { clearShipments } from "../db/shipments.ts";
import { carrierQuote } from "../domain/shipping.ts";

const QuoteQuery = z.object({
  sku: z.string("is required").min(1, "is required"),
  qty: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100"),
});

export function shippingRoutes(db: PrismaClient): Router {
  const router = Router();

  /** The one call that stays synchronous: a carrier's rate depends on the cart, now. */
  router.get("/api/shipping/quote", (req, res) => {
    const { qty } = validate(QuoteQuery, req.query);
    res.json(carrierQuote(qty));
  });

  router.post("/admin/reset", async (_req, res) => {
    await clearShipments(db);
    res.status(204).end();
  });

  return router;
}
