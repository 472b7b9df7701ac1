// The gateway in front of the services: it serves the storefront and passes each storefront API
// request to the service that owns it. The API the browser sees is the same as in step 01.
import { join } from "node:path";
import express, { Router } from "express";
import { serviceApp, type Logger } from "@shop/kit";
import { adminRoutes } from "./http/admin.ts";
import { forwardTo } from "./http/forward.ts";
import { instances, type Instances } from "./http/instances.ts";
import { productRoutes } from "./http/products.ts";

const SERVICES = ["catalog", "inventory", "orders", "payments", "shipping"] as const;
type Service = (typeof SERVICES)[number];

/** Each service's instances: one URL, or several (a scaled service) comma-separated. */
export type GatewayUrls = Record<Service, string[]>;
/** Each service, as the gateway asks it: one of its instances at a time. */
export type Services = Record<Service, Instances>;

const DEFAULT_PORTS: Record<Service, number> = {
  catalog: 3001,
  inventory: 3002,
  orders: 3003,
  payments: 3004,
  shipping: 3005,
};

/** CATALOG_URL, INVENTORY_URL, ORDERS_URL, PAYMENTS_URL, SHIPPING_URL. */
export function gatewayUrlsFromEnv(env = process.env): GatewayUrls {
  const urlsOf = (service: Service) => {
    const value =
      env[`${service.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[service]}`;
    return value.split(",").filter((url) => url !== "");
  };
  return Object.fromEntries(SERVICES.map((s) => [s, urlsOf(s)])) as GatewayUrls;
}

export function createApp(urls: GatewayUrls, logger: Logger): express.Express {
  const services = Object.fromEntries(SERVICES.map((s) => [s, instances(s, urls[s])])) as Services;
  return serviceApp("web", logger, [
    productRoutes(services),
    adminRoutes(services),
    routing(services),
    storefront(),
  ]);
}

function routing(services: Services): Router {
  const router = Router();
  router.use("/api/orders", forwardTo(services.orders));
  router.use("/api/shipping", forwardTo(services.shipping));
  router.put("/api/admin/products/:sku/price", forwardTo(services.catalog));
  router.post("/api/admin/products/:sku/restock", forwardTo(services.inventory));
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
