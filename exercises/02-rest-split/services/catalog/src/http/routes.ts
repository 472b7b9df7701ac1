import { Router } from "express";
import { NotFound, validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { changePrice, MAX_PRICE_CENTS } from "../domain/product.ts";
import { findProduct, listProducts, saveProduct } from "../db/products.ts";
import { seedCatalog } from "../db/seed.ts";

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

  // For the other services: the catalog is now something you call.
  router.get("/products", async (_req, res) => {
    res.json(await listProducts(db));
  });

  router.get("/products/:sku", async (req, res) => {
    const product = await findProduct(db, req.params.sku);
    if (!product) throw new NotFound(`No product ${req.params.sku}`);
    res.json(product);
  });

  router.post("/admin/reset", async (_req, res) => {
    await inTransaction(db, seedCatalog);
    res.status(204).end();
  });

  return router;
}
