import { Router } from "express";
import { NotFound, validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../../../prisma/client.ts";
import { changePrice, MAX_PRICE_CENTS } from "../domain/product.ts";
import { findProduct, saveProduct } from "../db/products.ts";

const ChangePriceBody = z.object({
  priceCents: z
    .int("must be a whole number of cents")
    .min(1, "must be at least 1")
    .max(MAX_PRICE_CENTS, `must be at most ${MAX_PRICE_CENTS}`),
});

export function catalogRoutes(db: PrismaClient): Router {
  const router = Router();

  router.put("/api/admin/products/:sku/price", async (req, res) => {
    const { priceCents } = validate(ChangePriceBody, req.body);
    const product = await inTransaction(db, async (tx) => {
      const current = await findProduct(tx, req.params.sku);
      if (!current) throw new NotFound(`No product ${req.params.sku}`);
      const changed = changePrice(current, priceCents);
      await saveProduct(tx, changed);
      return changed;
    });
    res.json(product);
  });

  return router;
}
