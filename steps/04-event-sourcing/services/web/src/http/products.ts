import { Router } from "express";
import type { PrismaClient } from "../../prisma/client.ts";
import { listProducts } from "../db/product-view.ts";

/** The storefront's product list, from the gateway's own copy: no call to catalog or inventory. */
export function productRoutes(db: PrismaClient): Router {
  const router = Router();
  router.get("/api/products", async (_req, res) => {
    res.json(await listProducts(db));
  });
  return router;
}
