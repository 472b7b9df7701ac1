import { Router } from "express";
import { validate } from "@shop/kit";
import { z } from "zod";
import type { PrismaClient } from "../../prisma/client.ts";
import { clearShipments } from "../db/shipments.ts";
import { carrierQuote } from "../domain/shipping.ts";

const QuoteQuery = z.object({
  sku: z
    .string("is required")
    .min(1, "is required")
    .regex(/^[A-Z0-9-]{1,32}$/, "must be a sku such as MUG-001"),
  // plain decimal integers: Number() alone would also take "0x10", "1e2" and " 5"
  qty: z
    .string("must be a number")
    .refine((text) => !Number.isNaN(Number(text)), "must be a number")
    .regex(/^-?\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(100, "must be at most 100")),
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
