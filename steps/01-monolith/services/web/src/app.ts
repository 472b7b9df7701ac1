// The monolith: every module's routes in one Express app, over one database.
import { join } from "node:path";
import express, { Router } from "express";
import { serviceApp, type Logger } from "@shop/kit";
import type { PrismaClient } from "../../../prisma/client.ts";
import { catalogRoutes } from "../../catalog/src/http/routes.ts";
import { inventoryRoutes } from "../../inventory/src/http/routes.ts";
import { ordersRoutes } from "../../orders/src/http/routes.ts";
import { shippingRoutes } from "../../shipping/src/http/routes.ts";
import { adminRoutes } from "./http/admin.ts";
import { productRoutes } from "./http/products.ts";

export function createApp(db: PrismaClient, logger: Logger): express.Express {
  return serviceApp("shop", logger, [
    adminRoutes(db), // first: its guard covers every /api/admin route
    productRoutes(db),
    catalogRoutes(db),
    inventoryRoutes(db),
    ordersRoutes(db),
    shippingRoutes(db),
    storefront(),
  ]);
}

/** The storefront's files; an order page is the same page, which reads the order id from the path. */
export function storefront(): Router {
  const dir = join(import.meta.dirname, "../../../web");
  const router = Router();
  router.use(express.static(dir));
  router.get("/orders/:id", (_req, res) => res.sendFile(join(dir, "index.html")));
  return router;
}
