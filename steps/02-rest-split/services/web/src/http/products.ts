import { Router } from "express";
import type { GatewayUrls } from "../app.ts";

class Unavailable extends Error {
  readonly code = "DEPENDENCY_UNAVAILABLE";
  constructor(readonly dependency: string) {
    super(`The ${dependency} service is unavailable`);
  }
  get details() {
    return { dependency: this.dependency };
  }
}

async function getJson<T>(service: string, url: string, correlationId: string): Promise<T> {
  try {
    const response = await fetch(url, {
      headers: { "x-correlation-id": correlationId },
      signal: AbortSignal.timeout(1_000),
    });
    if (response.ok) return (await response.json()) as T;
  } catch {
    // no answer in time: the same as a bad answer for the shopper
  }
  throw new Unavailable(service);
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
