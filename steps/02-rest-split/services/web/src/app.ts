// The gateway in front of the services: it serves the storefront and passes each storefront API
// request to the service that owns it. The API the browser sees is the same as in step 01.
import { join } from "node:path";
import express, { Router } from "express";
import { serviceApp, type Logger } from "@shop/kit";
import { adminRoutes } from "./http/admin.ts";
import { forwardTo } from "./http/forward.ts";
import { productRoutes } from "./http/products.ts";

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

export function createApp(urls: GatewayUrls, logger: Logger): express.Express {
  return serviceApp("web", logger, [
    productRoutes(urls),
    adminRoutes(urls),
    routing(urls),
    storefront(),
  ]);
}

function routing(urls: GatewayUrls): Router {
  const router = Router();
  router.use("/api/orders", forwardTo("orders", urls.orders));
  router.use("/api/shipping", forwardTo("shipping", urls.shipping));
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
