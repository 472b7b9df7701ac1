// The monolith: every module's routes in one Express app, over one database.
import { join } from "node:path";
import express from "express";
import { correlationId, errorHandler, notFoundHandler, type Logger } from "@shop/kit";
import type { PrismaClient } from "../../../prisma/client.ts";
import { catalogRoutes } from "../../catalog/src/http/routes.ts";
import { inventoryRoutes } from "../../inventory/src/http/routes.ts";
import { ordersRoutes } from "../../orders/src/http/routes.ts";
import { shippingRoutes } from "../../shipping/src/http/routes.ts";
import { adminRoutes } from "./http/admin.ts";
import { productRoutes } from "./http/products.ts";

const storefront = join(import.meta.dirname, "../../../web");

export function createApp(db: PrismaClient, logger: Logger): express.Express {
  const app = express();
  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: "shop" });
  });
  app.use(correlationId(logger));
  app.use(express.json({ limit: "100kb" }));
  app.use(productRoutes(db), catalogRoutes(db), inventoryRoutes(db), ordersRoutes(db), shippingRoutes(db), adminRoutes(db));
  app.use(express.static(storefront));
  app.get("/orders/:id", (_req, res) => res.sendFile(join(storefront, "index.html")));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
