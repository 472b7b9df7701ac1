import { Router } from "express";
import type { PrismaClient } from "../../../../prisma/client.ts";
import { listProducts } from "../../../catalog/src/db/products.ts";
import { listStock } from "../../../inventory/src/db/stock.ts";

/** The storefront's product list: the catalog's names and prices with inventory's stock. */
export function productRoutes(db: PrismaClient): Router {
  const router = Router();
  router.get("/api/products", async (_req, res) => {
    const [products, stock] = await Promise.all([listProducts(db), listStock(db)]);
    const available = new Map(stock.map((s) => [s.sku, s.available]));
    res.json(products.map((p) => ({ ...p, available: available.get(p.sku) ?? 0 })));
  });
  return router;
}
