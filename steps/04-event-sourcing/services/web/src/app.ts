// The gateway in front of the services: it serves the storefront, answers the product list from
// its own copy, asks shipping for a quote (the one synchronous call), and passes order requests on.
import { join } from "node:path";
import express, { Router } from "express";
import { serviceApp, type Logger } from "@shop/kit";
import { messagingRoutes } from "../../../messaging/faults.ts";
import type { PrismaClient } from "../prisma/client.ts";
import { adminRoutes } from "./http/admin.ts";
import { forwardTo } from "./http/forward.ts";
import { productRoutes } from "./http/products.ts";
import { quoteRoutes } from "./http/quote.ts";

export interface GatewayUrls {
  catalog: string;
  inventory: string;
  orders: string;
  payments: string;
  shipping: string;
}

export function gatewayUrlsFromEnv(): GatewayUrls {
  return {
    catalog: process.env.CATALOG_URL ?? "http://127.0.0.1:3001",
    inventory: process.env.INVENTORY_URL ?? "http://127.0.0.1:3002",
    orders: process.env.ORDERS_URL ?? "http://127.0.0.1:3003",
    payments: process.env.PAYMENTS_URL ?? "http://127.0.0.1:3004",
    shipping: process.env.SHIPPING_URL ?? "http://127.0.0.1:3005",
  };
}

export function createApp(db: PrismaClient, urls: GatewayUrls, logger: Logger): express.Express {
  return serviceApp("web", logger, [
    productRoutes(db),
    quoteRoutes(db, urls.shipping),
    adminRoutes(urls),
    messagingRoutes(),
    routing(urls),
    storefront(),
  ]);
}

function routing(urls: GatewayUrls): Router {
  const router = Router();
  router.use("/api/orders", forwardTo("orders", urls.orders));
  router.put("/api/admin/products/:sku/price", forwardTo("catalog", urls.catalog));
  router.post("/api/admin/products/:sku/restock", forwardTo("inventory", urls.inventory));
  return router;
}

/** The storefront's files; an order page is the same page, which reads the order id from the path. */
export function storefront(): Router {
  const dir = join(import.meta.dirname, "../../../web");
  const router = Router();
  router.use(express.static(dir));
  router.get("/orders/:id", (_req, res) => res.sendFile(join(dir, "index.html")));
  return router;
}
