import { http } from "../../../../http-client.ts";
import { Router } from "express";
import { ADMIN_HEADERS, adminGuard, DependencyUnavailable } from "@shop/kit";
import { TIMEOUTS } from "../../../../timeouts.ts";
import type { GatewayUrls } from "../app.ts";

/** Back to the seed data: every service resets its own database. */
export function adminRoutes(urls: GatewayUrls): Router {
  const router = Router();
  // Every /api/admin route changes data, here and in the routers after this one (price, restock):
  // only for callers on this machine that send the admin header.
  router.use("/api/admin", adminGuard());
  router.post("/api/admin/reset", async (req, res) => {
    const targets = {
      catalog: urls.catalog,
      inventory: urls.inventory,
      orders: urls.orders,
      payments: urls.payments,
      shipping: urls.shipping,
    };
    const results = await Promise.all(
      Object.entries(targets).map(async ([service, url]) => {
        const signal = AbortSignal.timeout(TIMEOUTS.resetMs);
        const reset = http.post(`${url}/admin/reset`, undefined, {
          headers: ADMIN_HEADERS,
          signal,
        });
        return reset.then(
          () => undefined,
          () => service,
        );
      }),
    );
    const failed = results.filter((service) => service !== undefined);
    if (failed.length > 0)
      throw new DependencyUnavailable(failed[0]!, `could not reset ${failed.join(", ")}`);
    req.log.info("shop reset to the seed data");
    res.status(204).end();
  });
  return router;
}
