import { Router } from "express";
import { validate } from "@shop/kit";
import { z } from "zod";
import type { PrismaClient } from "../../../../prisma/client.ts";
import { findProduct } from "../../../catalog/src/db/products.ts";
import { UnknownSku } from "../../../catalog/src/domain/product.ts";
import { carrierQuote } from "../domain/shipping.ts";

const QuoteQuery = z.object({
  sku: z.string("is required").min(1, "is required"),
  qty: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100"),
});

export function shippingRoutes(db: PrismaClient): Router {
  const router = Router();

  router.get("/api/shipping/quote", async (req, res) => {
    const { sku, qty } = validate(QuoteQuery, req.query);
    if (!(await findProduct(db, sku))) throw new UnknownSku([sku]);
    res.json(carrierQuote(qty));
  });

  return router;
}
