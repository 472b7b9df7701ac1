import { Router } from "express";
import { NotFound, validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../../../prisma/client.ts";
import { restock } from "../domain/stock.ts";
import { findStock, saveStock } from "../db/stock.ts";

const RestockBody = z.object({
  qty: z
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(10_000, "must be at most 10000"),
});

export function inventoryRoutes(db: PrismaClient): Router {
  const router = Router();

  router.post("/api/admin/products/:sku/restock", async (req, res) => {
    const { qty } = validate(RestockBody, req.body);
    const stock = await inTransaction(db, async (tx) => {
      const current = await findStock(tx, req.params.sku);
      if (!current) throw new NotFound(`No product ${req.params.sku}`);
      const restocked = restock(current, qty);
      await saveStock(tx, restocked);
      return restocked;
    });
    res.json(stock);
  });

  return router;
}
