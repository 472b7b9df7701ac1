import { http } from "../../../../http-client.ts";
import { Router } from "express";
import { DependencyUnavailable } from "@shop/kit";
import { TIMEOUTS } from "../../../../timeouts.ts";
import type { GatewayUrls } from "../app.ts";

async function getJson<T>(service: string, url: string, correlationId: string): Promise<T> {
  const response = await http
    .get<T>(url, {
      headers: { "x-correlation-id": correlationId },
      signal: AbortSignal.timeout(TIMEOUTS.productListMs),
      transitional: { silentJSONParsing: false }, // a garbled body is a bad answer, not a string
    })
    .catch(() => {
      throw new DependencyUnavailable(service); // no answer in time, or a bad one: the same for the shopper
    });
  return response.data;
}

/** The storefront's product list: the catalog's names and prices with inventory's stock, two calls. */
export function productRoutes(urls: GatewayUrls): Router {
  const router = Router();
  router.get("/api/products", async (req, res) => {
    const [products, stock] = await Promise.all([
      getJson<{ sku: string; name: string; priceCents: number }[]>(
        "catalog",
        `${urls.catalog}/products`,
        String(req.id),
      ),
      getJson<{ sku: string; available: number }[]>(
        "inventory",
        `${urls.inventory}/stock`,
        String(req.id),
      ),
    ]);
    const available = new Map(stock.map((s) => [s.sku, s.available]));
    res.json(products.map((p) => ({ ...p, available: available.get(p.sku) ?? 0 })));
  });
  return router;
}
