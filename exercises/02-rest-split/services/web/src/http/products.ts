import { http } from "../../../../http-client.ts";
import { Router } from "express";
import { TIMEOUTS } from "../../../../timeouts.ts";
import type { Services } from "../app.ts";
import type { Instances } from "./instances.ts";

async function getJson<T>(service: Instances, path: string, correlationId: string): Promise<T> {
  // no answer in time, or a bad one: the same for the shopper
  const response = await service.ask((baseUrl) =>
    http.get<T>(baseUrl + path, {
      headers: { "x-correlation-id": correlationId },
      signal: AbortSignal.timeout(TIMEOUTS.productListMs),
      transitional: { silentJSONParsing: false }, // a garbled body is a bad answer, not a string
    }),
  );
  return response.data;
}

/** The storefront's product list: the catalog's names and prices with inventory's stock, two calls. */
export function productRoutes(services: Services): Router {
  const router = Router();
  router.get("/api/products", async (req, res) => {
    const [products, stock] = await Promise.all([
      getJson<{ sku: string; name: string; priceCents: number }[]>(
        services.catalog,
        "/products",
        String(req.id),
      ),
      getJson<{ sku: string; available: number }[]>(services.inventory, "/stock", String(req.id)),
    ]);
    const available = new Map(stock.map((s) => [s.sku, s.available]));
    res.json(products.map((p) => ({ ...p, available: available.get(p.sku) ?? 0 })));
  });
  return router;
}
